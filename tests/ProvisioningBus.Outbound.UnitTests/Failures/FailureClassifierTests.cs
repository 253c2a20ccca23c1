using System.Net;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne;

namespace ProvisioningBus.Outbound.UnitTests.Failures;

public sealed class FailureClassifierTests
{
    public static TheoryData<string, Exception, FailureKind, string> Failures => new()
    {
        // The connection's credential or rights: never the entity's fault.
        { "refresh token revoked", TokenRefused(DocusignAuthenticationFailure.InvalidGrant, HttpStatusCode.BadRequest, "invalid_grant"), FailureKind.Authentication, "invalid_grant" },
        { "wrong client secret", TokenRefused(DocusignAuthenticationFailure.InvalidClient, HttpStatusCode.Unauthorized, "invalid_client"), FailureKind.Authentication, "invalid_client" },
        { "no refresh token", TokenRefused(DocusignAuthenticationFailure.MissingRefreshToken, null, "missing_refresh_token"), FailureKind.Authentication, "missing_refresh_token" },
        { "Docusign 401", Docusign(HttpStatusCode.Unauthorized, DocusignErrorCodes.AuthorizationInvalidToken), FailureKind.Authentication, "AUTHORIZATION_INVALID_TOKEN" },
        { "Docusign 401 without a code", Docusign(HttpStatusCode.Unauthorized, null), FailureKind.Authentication, "HTTP_401" },
        { "consent required", Docusign(HttpStatusCode.BadRequest, "CONSENT_REQUIRED"), FailureKind.Authentication, "CONSENT_REQUIRED" },
        { "OAuth consent_required", Docusign(HttpStatusCode.BadRequest, "consent_required"), FailureKind.Authentication, "consent_required" },
        { "admin lost its rights", Docusign(HttpStatusCode.BadRequest, DocusignErrorCodes.UserLacksPermissions), FailureKind.Authentication, "USER_LACKS_PERMISSIONS" },
        { "wrong account", Docusign(HttpStatusCode.BadRequest, DocusignErrorCodes.UserDoesNotBelongToSpecifiedAccount), FailureKind.Authentication, "USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT" },
        { "Docusign 403", Docusign(HttpStatusCode.Forbidden, null), FailureKind.Authentication, "HTTP_403" },
        { "PingOne 401", new PingOneApiException(HttpStatusCode.Unauthorized, "invalid_client", "Unknown client"), FailureKind.Authentication, "invalid_client" },
        { "PingOne 403", new PingOneApiException(HttpStatusCode.Forbidden, "ACCESS_FAILED", "No role"), FailureKind.Authentication, "ACCESS_FAILED" },
        { "per-item refusal of the credential", new GroupProvisioningException(DocusignErrorCodes.UserLacksPermissions, "No rights"), FailureKind.Authentication, "USER_LACKS_PERMISSIONS" },

        // Outages, limits and the unforeseen: retried.
        { "token endpoint unreachable", TokenRefused(DocusignAuthenticationFailure.TokenEndpointUnreachable, null, null), FailureKind.Transient, "TOKEN_ENDPOINT_UNREACHABLE" },
        { "Docusign 429", Docusign(HttpStatusCode.TooManyRequests, null), FailureKind.Transient, "HTTP_429" },
        { "hourly limit sent as 400 (before 2026)", Docusign(HttpStatusCode.BadRequest, DocusignErrorCodes.HourlyApiInvocationLimitExceeded), FailureKind.Transient, "HOURLY_APIINVOCATION_LIMIT_EXCEEDED" },
        { "burst limit", Docusign(HttpStatusCode.TooManyRequests, DocusignErrorCodes.BurstApiInvocationLimitExceeded), FailureKind.Transient, "BURST_APIINVOCATION_LIMIT_EXCEEDED" },
        { "Docusign 503", Docusign(HttpStatusCode.ServiceUnavailable, null), FailureKind.Transient, "HTTP_503" },
        { "Docusign 408", Docusign(HttpStatusCode.RequestTimeout, null), FailureKind.Transient, "HTTP_408" },
        { "Docusign no response", Docusign(null, null), FailureKind.Transient, "NO_RESPONSE" },
        { "PingOne 500", new PingOneApiException(HttpStatusCode.InternalServerError, null, "Oops"), FailureKind.Transient, "PINGONE_HTTP_500" },
        { "PingOne 429", new PingOneApiException(HttpStatusCode.TooManyRequests, "REQUEST_LIMITED", "Slow down"), FailureKind.Transient, "REQUEST_LIMITED" },
        { "per-item rate limit", new GroupProvisioningException(DocusignErrorCodes.BurstApiInvocationLimitExceeded, "Burst"), FailureKind.Transient, "BURST_APIINVOCATION_LIMIT_EXCEEDED" },
        { "network", new HttpRequestException("Connection refused"), FailureKind.Transient, "HttpRequestException" },
        { "timeout", new TimeoutException("Slow"), FailureKind.Transient, "TimeoutException" },
        { "store unreachable", new IOException("database is locked"), FailureKind.Transient, "IOException" },
        { "group lease held elsewhere", new GroupBusyException("busy"), FailureKind.Transient, "GroupBusyException" },
        { "unforeseen", new InvalidOperationException("bug"), FailureKind.Transient, "InvalidOperationException" },

        // This entity's data: recorded as its failure.
        { "invalid email", Docusign(HttpStatusCode.BadRequest, "INVALID_EMAIL_ADDRESS_FOR_USER"), FailureKind.Permanent, "INVALID_EMAIL_ADDRESS_FOR_USER" },
        { "Docusign 400 without a code", Docusign(HttpStatusCode.BadRequest, null), FailureKind.Permanent, "HTTP_400" },
        { "PingOne invalid data", new PingOneApiException(HttpStatusCode.BadRequest, "INVALID_DATA", "Bad email"), FailureKind.Permanent, "INVALID_DATA" },
        { "PingOne 409", new PingOneApiException(HttpStatusCode.Conflict, null, "Conflict"), FailureKind.Permanent, "PINGONE_HTTP_409" },
        { "unmappable outbound user", new UnmappableUserException("No email"), FailureKind.Permanent, "UNMAPPABLE_USER" },
        { "built-in group name", new GroupProvisioningException("BUILT_IN_GROUP", "Everyone is never managed"), FailureKind.Permanent, "BUILT_IN_GROUP" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Sorts_each_failure_and_names_it_with_the_targets_own_code(string because, Exception exception, FailureKind kind, string errorCode)
    {
        var failure = FailureClassifier.Classify(exception);

        Assert.True(kind == failure.Kind, $"{because}: expected {kind}, was {failure.Kind}");
        Assert.Equal(errorCode, failure.ErrorCode);
        Assert.False(string.IsNullOrEmpty(failure.Message));
    }

    [Fact]
    public void The_message_is_the_targets_message_not_the_request_line()
    {
        var failure = FailureClassifier.Classify(Docusign(HttpStatusCode.BadRequest, "INVALID_EMAIL_ADDRESS_FOR_USER", "Invalid email address."));

        Assert.Equal("Invalid email address.", failure.Message);
    }

    private static DocusignAuthenticationException TokenRefused(DocusignAuthenticationFailure failure, HttpStatusCode? status, string? error) =>
        new(failure, status, error, "Refused.", "/oauth/token");

    private static DocusignApiException Docusign(HttpStatusCode? status, string? errorCode, string? message = "Refused.") =>
        new(status, errorCode, message, "POST", "/restapi/v2.1/accounts/a/users");
}
