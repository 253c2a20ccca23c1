using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Docusign.Emulator.Infrastructure;

/// <summary>
/// Writes Docusign-shaped JSON. Docusign sends almost every scalar as a JSON string (fact sheet §0), so the emulator
/// builds bodies as JSON nodes from strings and omits unset properties rather than writing nulls.
/// </summary>
internal static class EmulatorJson
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Docusign's timestamp shape, e.g. "2019-04-01T22:11:56.4570000Z".</summary>
    public const string UnsetDate = "0001-01-01T08:00:00.0000000Z";

    public static JsonSerializerOptions ControlOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static JsonObject Object(params (string Name, JsonNode? Value)[] properties)
    {
        var result = new JsonObject();
        foreach (var (name, value) in properties)
        {
            if (value is not null)
            {
                result[name] = value;
            }
        }

        return result;
    }

    public static JsonNode? Text(string? value) => value is null ? null : JsonValue.Create(value);

    public static JsonNode Number(long value) => JsonValue.Create(value.ToString(CultureInfo.InvariantCulture))!;

    public static JsonNode Bool(bool value) => JsonValue.Create(value ? "True" : "False")!;

    public static JsonNode Date(DateTimeOffset value) =>
        JsonValue.Create(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture))!;

    public static JsonNode Error(EmulatorError error) =>
        Object(("errorCode", error.ErrorCode), ("message", error.Message));

    public static IResult Respond(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), ContentType, statusCode: statusCode);

    public static IResult Fail(EmulatorError error, int statusCode = StatusCodes.Status400BadRequest) =>
        Respond(Error(error), statusCode);

    public static async Task WriteAsync(HttpResponse response, JsonNode body, int statusCode)
    {
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        await response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Reads a JSON object body; null when the body is missing or not a JSON object.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return node as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a scalar leniently: strings as they are, numbers and booleans as their text.</summary>
    public static string? Scalar(JsonNode? node, string name)
    {
        var value = node?[name];
        return value is JsonValue scalar
            ? scalar.GetValueKind() switch
            {
                JsonValueKind.String => scalar.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => scalar.ToJsonString(),
                _ => null,
            }
            : null;
    }

    public static IEnumerable<JsonNode> Items(JsonNode? node, string name) =>
        node?[name] is JsonArray array ? array.Where(item => item is not null).Select(item => item!) : [];

    public static EmulatorError InvalidBody { get; } =
        new("INVALID_REQUEST_BODY", "The request body is missing or improperly formatted.");
}
