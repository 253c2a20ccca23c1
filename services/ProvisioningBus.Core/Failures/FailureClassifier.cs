using System.Net;
using ProvisioningBus.Docusign;
using ProvisioningBus.PingOne;

namespace ProvisioningBus.Core.Failures;

/// <summary>
/// The one place that decides what a failure means, for users, groups, memberships and inbound alike.
/// <list type="bullet">
/// <item><b>Authentication</b>: the token endpoint refused (invalid_grant, invalid_client, consent_required, no refresh
/// token), a 401 or 403, or an errorCode about the credential or its rights (USER_LACKS_PERMISSIONS,
/// AUTHORIZATION_INVALID_TOKEN…). Not the entity's fault: the same change succeeds once a person fixes the connection.</item>
/// <item><b>Transient</b>: rate limits (429, or an errorCode starting HOURLY_ or BURST_, which Docusign sent with 400
/// until 2026), 5xx, 408, no response, and anything this class does not know. An unforeseen exception is retried and
/// then kept in <c>_error</c> for replay rather than acknowledged on a guess.</item>
/// <item><b>Permanent</b>: any other 4xx from Docusign or PingOne, and our own <see cref="IEntityFailure"/>s: retrying
/// the same data gets the same answer.</item>
/// </list>
/// </summary>
public static class FailureClassifier
{
    // Docusign (docusign-api.md §4.3) and OAuth (RFC 6749 §5.2, plus consent_required) codes that name the caller's
    // credential, its account or its rights. Compared case-insensitively: Docusign writes CONSENT_REQUIRED, OAuth consent_required.
    private static readonly HashSet<string> AuthenticationCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "invalid_grant",
        "invalid_client",
        "unauthorized_client",
        "consent_required",
        DocusignErrorCodes.AuthorizationInvalidToken,
        DocusignErrorCodes.UserAuthenticationFailed,
        "PARTNER_AUTHENTICATION_FAILED",
        DocusignErrorCodes.UserLacksPermissions,
        DocusignErrorCodes.UserNotAccountAdmin,
        DocusignErrorCodes.AccountLacksPermissions,
        DocusignErrorCodes.UserDoesNotBelongToSpecifiedAccount,
        DocusignErrorCodes.UserLacksMembership,
    };

    public static ClassifiedFailure Classify(Exception exception) => exception switch
    {
        DocusignAuthenticationException { Failure: DocusignAuthenticationFailure.TokenEndpointUnreachable } unreachable =>
            new(FailureKind.Transient, "TOKEN_ENDPOINT_UNREACHABLE", unreachable.ErrorMessage ?? unreachable.Message),
        DocusignAuthenticationException token =>
            new(FailureKind.Authentication, token.ErrorCode ?? token.Failure.ToString(), token.ErrorMessage ?? token.Message),
        DocusignApiException docusign => Classify(docusign),
        PingOneApiException pingOne => Classify(pingOne),
        IEntityFailure entity => new(ByCode(entity.ErrorCode) ?? FailureKind.Permanent, entity.ErrorCode, exception.Message),
        _ => new(FailureKind.Transient, exception.GetType().Name, exception.Message),
    };

    private static ClassifiedFailure Classify(DocusignApiException docusign)
    {
        var code = docusign.ErrorCode ?? (docusign.StatusCode is { } status ? $"HTTP_{(int)status}" : "NO_RESPONSE");
        var kind = docusign.IsRateLimited || docusign.IsTransient ? FailureKind.Transient : ByStatus(docusign.StatusCode, docusign.ErrorCode);
        return new(kind, code, docusign.ErrorMessage ?? docusign.Message);
    }

    private static ClassifiedFailure Classify(PingOneApiException pingOne)
    {
        var status = pingOne.StatusCode;
        var kind = (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status == 0
            ? FailureKind.Transient
            : ByStatus(status, pingOne.Code);
        return new(kind, pingOne.Code ?? $"PINGONE_HTTP_{(int)status}", pingOne.ApiMessage ?? pingOne.Message);
    }

    /// <summary>A non-transient answer: authentication by status or code, any other 4xx the entity's, the rest unknown.</summary>
    private static FailureKind ByStatus(HttpStatusCode? status, string? code) =>
        ByCode(code) ?? status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => FailureKind.Authentication,
            { } s when (int)s is >= 400 and < 500 => FailureKind.Permanent,
            _ => FailureKind.Transient,
        };

    private static FailureKind? ByCode(string? code) =>
        code is null ? null
        : DocusignErrorCodes.IsRateLimit(code) ? FailureKind.Transient
        : AuthenticationCodes.Contains(code) ? FailureKind.Authentication
        : null;
}
