namespace ProvisioningBus.Docusign;

/// <summary>
/// Docusign errorCodes the client reacts to (fact sheet §4.3). Key on errorCode, never on message: messages were
/// reworded in 2026. Unknown codes are treated generically.
/// </summary>
public static class DocusignErrorCodes
{
    public const string UserAlreadyExistsInAccount = "USER_ALREADY_EXISTS_IN_ACCOUNT";
    public const string HourlyApiInvocationLimitExceeded = "HOURLY_APIINVOCATION_LIMIT_EXCEEDED";
    public const string BurstApiInvocationLimitExceeded = "BURST_APIINVOCATION_LIMIT_EXCEEDED";
    public const string AuthorizationInvalidToken = "AUTHORIZATION_INVALID_TOKEN";
    public const string UserAuthenticationFailed = "USER_AUTHENTICATION_FAILED";
    public const string UserDoesNotBelongToSpecifiedAccount = "USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT";
    public const string UserLacksPermissions = "USER_LACKS_PERMISSIONS";
    public const string UserNotAccountAdmin = "USER_NOT_ACCOUNT_ADMIN";
    public const string AccountLacksPermissions = "ACCOUNT_LACKS_PERMISSIONS";
    public const string UserLacksMembership = "USER_LACKS_MEMBERSHIP";
    public const string UserDoesNotExistInSystem = "USER_DOES_NOT_EXIST_IN_SYSTEM";
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";
    public const string InvalidUserId = "INVALID_USERID";

    public static bool IsRateLimit(string? errorCode) =>
        errorCode is not null
        && (errorCode.StartsWith("HOURLY_", StringComparison.OrdinalIgnoreCase) || errorCode.StartsWith("BURST_", StringComparison.OrdinalIgnoreCase));

    public static bool IsBurstLimit(string? errorCode) =>
        errorCode is not null && errorCode.StartsWith("BURST_", StringComparison.OrdinalIgnoreCase);

    public static bool IsNotFound(string? errorCode) =>
        Is(errorCode, UserDoesNotExistInSystem) || Is(errorCode, ResourceNotFound) || Is(errorCode, InvalidUserId);

    public static bool IsPermissionDenied(string? errorCode) =>
        Is(errorCode, UserLacksPermissions) || Is(errorCode, UserNotAccountAdmin) || Is(errorCode, AccountLacksPermissions);

    public static bool IsUnknownAccount(string? errorCode) =>
        Is(errorCode, UserDoesNotBelongToSpecifiedAccount) || Is(errorCode, UserLacksMembership);

    public static bool Is(string? errorCode, string expected) => string.Equals(errorCode, expected, StringComparison.OrdinalIgnoreCase);
}
