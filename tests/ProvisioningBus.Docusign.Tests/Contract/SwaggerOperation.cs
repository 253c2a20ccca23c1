using System.Text.Json.Nodes;

namespace ProvisioningBus.Docusign.Tests.Contract;

/// <summary>One operation of the spec: its body parameter's definition and its declared responses.</summary>
public sealed record SwaggerOperation(string Method, string Template, JsonObject Operation)
{
    public string OperationId => Operation["operationId"]!.GetValue<string>();

    public string? RequestDefinition =>
        Operation["parameters"]?.AsArray()
            .FirstOrDefault(p => p?["in"]?.GetValue<string>() == "body")?["schema"]?["$ref"]?.GetValue<string>()
            .Split('/')[^1];

    public IReadOnlyCollection<int> DeclaredStatusCodes =>
        [.. Operation["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>
    /// The definition for a status. The spec declares only 200/201 and 400 (errorDetails); Docusign's 401, 403, 404
    /// and 429 carry the same errorDetails shape (fact sheet §0, §4.1), so any 4xx validates against it.
    /// </summary>
    public string? ResponseDefinition(int status)
    {
        var key = status is >= 400 and < 500 ? "400" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Operation["responses"]?[key]?["schema"]?["$ref"]?.GetValue<string>().Split('/')[^1];
    }
}
