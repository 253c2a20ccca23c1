using System.Net;
using System.Text.Json;

namespace ProvisioningBus.PingOne;

/// <summary>
/// PingOne refused a request. Carries PingOne's P1Error <c>code</c> and <c>message</c>; never the request's
/// headers, so neither the bearer token nor the client secret can end up in logs.
/// </summary>
public sealed class PingOneApiException : Exception
{
    public PingOneApiException()
    {
    }

    public PingOneApiException(string message)
        : base(message)
    {
    }

    public PingOneApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PingOneApiException(HttpStatusCode statusCode, string? code, string? apiMessage, string? errorId = null, IReadOnlyList<string>? details = null)
        : base($"PingOne answered {(int)statusCode} {code ?? statusCode.ToString()}: {apiMessage ?? "(no message)"}")
    {
        StatusCode = statusCode;
        Code = code;
        ApiMessage = apiMessage;
        ErrorId = errorId;
        Details = details ?? [];
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>PingOne's fault code, e.g. <c>INVALID_DATA</c>, <c>NOT_FOUND</c>, <c>ACCESS_FAILED</c>.</summary>
    public string? Code { get; }

    public string? ApiMessage { get; }

    /// <summary>PingOne's error <c>id</c>, to quote to Ping support.</summary>
    public string? ErrorId { get; }

    /// <summary>Detail codes and targets, e.g. <c>UNIQUENESS_VIOLATION (username)</c>.</summary>
    public IReadOnlyList<string> Details { get; } = [];

    internal static PingOneApiException FromResponse(HttpStatusCode status, string? body)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            var root = document.RootElement;
            var details = new List<string>();
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("details", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in array.EnumerateArray())
                {
                    var code = Text(detail, "code");
                    var target = Text(detail, "target");
                    details.Add(target is null ? code ?? "?" : $"{code} ({target})");
                }
            }

            return new PingOneApiException(status, Text(root, "code"), Text(root, "message"), Text(root, "id"), details);
        }
        catch (JsonException)
        {
            return new PingOneApiException(status, null, "The response body was not a PingOne error");
        }
    }

    /// <summary>OAuth errors use <c>error</c> / <c>error_description</c>.</summary>
    internal static PingOneApiException FromTokenResponse(HttpStatusCode status, string? body)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            return new PingOneApiException(status, Text(document.RootElement, "error"), Text(document.RootElement, "error_description") ?? "Token request failed");
        }
        catch (JsonException)
        {
            return new PingOneApiException(status, null, "Token request failed");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
