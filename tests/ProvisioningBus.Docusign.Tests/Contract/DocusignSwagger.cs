using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace ProvisioningBus.Docusign.Tests.Contract;

/// <summary>
/// Docusign's official Swagger 2.0 subset (tests/reference, copied beside the test assembly), with its definitions
/// turned into JSON Schema 2020-12 documents. Objects are made strict (additionalProperties: false) so a misspelt
/// or invented property fails validation as surely as a number where the spec says string.
/// </summary>
public sealed class DocusignSwagger
{
    private const string FileName = "docusign-esignature-v2.1-users-groups.swagger.json";

    private readonly JsonObject _document;
    private readonly JsonObject _strictDefinitions;
    private readonly List<(Regex Pattern, string Template)> _paths;
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    private DocusignSwagger(JsonObject document)
    {
        _document = document;
        var definitions = (JsonObject)document["definitions"]!.DeepClone();
        foreach (var (_, definition) in definitions)
        {
            MakeStrict(definition);
        }

        var text = definitions.ToJsonString().Replace("#/definitions/", "#/$defs/", StringComparison.Ordinal);
        _strictDefinitions = JsonNode.Parse(text)!.AsObject();
        _paths = [.. document["paths"]!.AsObject().Select(p => (TemplateRegex(p.Key), p.Key))];
    }

    public static DocusignSwagger Load() => new(JsonNode.Parse(File.ReadAllText(FindFile()))!.AsObject());

    public static string FindFile()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "reference", FileName);
        return File.Exists(path) ? path : throw new FileNotFoundException("The official Docusign spec subset (tests/reference) is not beside the test assembly.", path);
    }

    public string BasePath => _document["basePath"]!.GetValue<string>();

    /// <summary>The operation for a request path such as /restapi/v2.1/accounts/…/users, or null.</summary>
    public SwaggerOperation? FindOperation(string method, string requestPath)
    {
        if (!requestPath.StartsWith(BasePath, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = requestPath[BasePath.Length..];
        foreach (var (pattern, template) in _paths)
        {
            if (pattern.IsMatch(relative) && _document["paths"]![template]![method.ToLowerInvariant()] is JsonObject operation)
            {
                return new SwaggerOperation(method.ToUpperInvariant(), template, operation);
            }
        }

        return null;
    }

    /// <summary>Validation errors of <paramref name="instance"/> against a definition (empty when valid).</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance, string definitionName)
    {
        var results = Schema(definitionName).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        foreach (var detail in results.Details.Prepend(results))
        {
            if (detail.Errors is { } messages)
            {
                errors.AddRange(messages.Select(m => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {m.Value}"));
            }
        }

        return errors.Count == 0 ? ["invalid"] : errors;
    }

    private JsonSchema Schema(string definitionName)
    {
        lock (_schemas)
        {
            if (!_schemas.TryGetValue(definitionName, out var schema))
            {
                var root = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$id"] = $"https://provisioningbus.test/docusign/{definitionName}",
                    ["$ref"] = $"#/$defs/{definitionName}",
                    ["$defs"] = _strictDefinitions.DeepClone(),
                };
                schema = JsonSchema.FromText(root.ToJsonString());
                _schemas[definitionName] = schema;
            }

            return schema;
        }
    }

    private static void MakeStrict(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject properties && !obj.ContainsKey("additionalProperties"))
            {
                obj["additionalProperties"] = false;
                foreach (var (_, property) in properties)
                {
                    MakeStrict(property);
                }
            }

            if (obj["items"] is JsonObject items)
            {
                MakeStrict(items);
            }
        }
    }

    private static Regex TemplateRegex(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "/?$", RegexOptions.CultureInvariant);
}
