using System.Net;
using ProvisioningBus.Docusign;
using ProvisioningBus.PingOne;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// Sorts failures into transient (retry with backoff) and permanent (record as the entity's failure and stop),
/// and names them for the sync ledger with the target's own error code.
/// </summary>
public static class FailureClassifier
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        DocusignAuthenticationException => false,
        DocusignApiException docusign => docusign.IsTransient || docusign.IsRateLimited,
        PingOneApiException pingOne => (int)pingOne.StatusCode >= 500 || pingOne.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout,
        GroupBusyException => true,
        HttpRequestException or TimeoutException => true,
        TaskCanceledException canceled => !canceled.CancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>The error code and message the ledger shows; never a secret (the exceptions carry none).</summary>
    public static (string Code, string Message) Describe(Exception exception) => exception switch
    {
        GroupProvisioningException group => (group.ErrorCode, group.Message),
        DocusignApiException docusign => (
            docusign.ErrorCode ?? (docusign.StatusCode is { } status ? $"HTTP_{(int)status}" : "NO_RESPONSE"),
            docusign.ErrorMessage ?? docusign.Message),
        PingOneApiException pingOne => ($"PINGONE_HTTP_{(int)pingOne.StatusCode}", pingOne.Message),
        _ => (exception.GetType().Name, exception.Message),
    };
}
