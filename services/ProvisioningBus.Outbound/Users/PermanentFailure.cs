using System.Net;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// A failure that retrying cannot fix (Docusign's 4xx validation errors, users the mappings cannot express): it is
/// recorded as the entity's outcome instead of being retried until the message lands in <c>_error</c>.
/// </summary>
public sealed record PermanentFailure(string ErrorCode, string Message)
{
    /// <summary>The permanent failure this exception stands for, or null when it is transient or unexpected (rethrow it).</summary>
    public static PermanentFailure? From(Exception exception) => exception switch
    {
        UnmappableUserException unmappable => new PermanentFailure("UNMAPPABLE_USER", unmappable.Message),
        // Authentication failures are the connection's, not the user's: they go through retries and end in _error.
        DocusignAuthenticationException => null,
        DocusignApiException api when IsPermanent(api) => new PermanentFailure(api.ErrorCode ?? $"HTTP_{(int)api.StatusCode!}", api.ErrorMessage ?? api.Message),
        _ => null,
    };

    public static PermanentFailure From(DocusignError error) => new(error.ErrorCode ?? "DOCUSIGN_ERROR", error.Message ?? "Docusign rejected the user.");

    private static bool IsPermanent(DocusignApiException api) =>
        api.StatusCode is { } status
        && (int)status is >= 400 and < 500
        && !api.IsRateLimited
        && !api.IsTransient
        && status is not HttpStatusCode.Unauthorized;
}
