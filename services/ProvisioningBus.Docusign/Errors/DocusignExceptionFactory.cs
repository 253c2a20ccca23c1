using System.Text.Json;

namespace ProvisioningBus.Docusign;

/// <summary>Turns a non-success response into a <see cref="DocusignApiException"/> (Refit's exception factory).</summary>
internal static class DocusignExceptionFactory
{
    public static async ValueTask<Exception?> CreateAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var (errorCode, message) = await ReadErrorAsync(response).ConfigureAwait(false);
        return new DocusignApiException(
            response.StatusCode,
            errorCode,
            message,
            response.RequestMessage?.Method.Method,
            response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    /// <summary>Reads errorDetails (errorCode/message) or an OAuth error (error/error_description) from a body.</summary>
    public static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return ParseError(text);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ObjectDisposedException)
        {
            return (null, null);
        }
    }

    public static (string? Code, string? Message) ParseError(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var root = document.RootElement;
            return (Text(root, "errorCode") ?? Text(root, "error"), Text(root, "message") ?? Text(root, "error_description"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
