using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PingOne.Emulator.Api;

/// <summary>JSON results in the content type PingOne answers with.</summary>
internal static class ApiResults
{
    private const string HalJson = "application/hal+json;charset=UTF-8";

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), HalJson, Encoding.UTF8, statusCode);

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        return node as JsonObject ?? throw Directory.EmulatorApiException.Invalid("The request body must be a JSON object");
    }

    public static string? String(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string? NestedString(JsonObject json, string parent, string name) =>
        json[parent] is JsonObject nested ? String(nested, name) : null;
}
