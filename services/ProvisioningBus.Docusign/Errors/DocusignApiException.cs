using System.Net;

namespace ProvisioningBus.Docusign;

/// <summary>
/// A failed Docusign call: HTTP status, Docusign's errorCode and message, and the method and path that failed.
/// Carries no request headers, tokens or secrets, and no inner exception that would.
/// </summary>
public class DocusignApiException : Exception
{
    public DocusignApiException()
    {
    }

    public DocusignApiException(string message)
        : base(message)
    {
    }

    public DocusignApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocusignApiException(HttpStatusCode? statusCode, string? errorCode, string? errorMessage, string? method, string? path, Exception? innerException = null)
        : base(Describe(statusCode, errorCode, errorMessage, method, path), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        Method = method;
        Path = path;
    }

    /// <summary>HTTP status; null when no response arrived (connection failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Docusign's errorCode (e.g. USER_LACKS_PERMISSIONS) or the OAuth error (e.g. invalid_grant).</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    public string? Method { get; }

    /// <summary>Request path without the query string (queries may carry email addresses).</summary>
    public string? Path { get; }

    /// <summary>429, or an errorCode starting HOURLY_ or BURST_ (fact sheet §4.4).</summary>
    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests || DocusignErrorCodes.IsRateLimit(ErrorCode);

    public bool IsTransient => StatusCode is null || (int)StatusCode >= 500 || StatusCode == HttpStatusCode.RequestTimeout;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound || DocusignErrorCodes.IsNotFound(ErrorCode);

    private static string Describe(HttpStatusCode? statusCode, string? errorCode, string? errorMessage, string? method, string? path)
    {
        var status = statusCode is { } s ? $"{(int)s} {s}" : "no response";
        var code = string.IsNullOrEmpty(errorCode) ? "" : $" {errorCode}";
        var detail = string.IsNullOrEmpty(errorMessage) ? "" : $": {errorMessage}";
        return $"Docusign {method} {path} failed with {status}{code}{detail}";
    }
}
