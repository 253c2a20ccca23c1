namespace ProvisioningBus.Outbound.Users;

/// <summary>Turns a mapped <c>userStatus</c> text into the operation it asks for.</summary>
public static class UserStatusMapping
{
    public const string NotSupportedErrorCode = "USER_STATUS_NOT_SUPPORTED";

    public static DesiredUserStatus Decide(string? mappedStatus) => mappedStatus?.Trim() switch
    {
        null or "" => DesiredUserStatus.Unspecified,
        var s when string.Equals(s, "Active", StringComparison.OrdinalIgnoreCase) => DesiredUserStatus.Active,
        var s when string.Equals(s, "Closed", StringComparison.OrdinalIgnoreCase) => DesiredUserStatus.Closed,
        _ => DesiredUserStatus.NotSupported,
    };

    public static string NotSupportedMessage(string? mappedStatus) =>
        $"userStatus '{mappedStatus}' is not supported by Docusign: only 'Active' (reactivate) and 'Closed' (close the user) can be reached; " +
        "Docusign has no documented way to set another status. Map userStatus to 'Active' or 'Closed', e.g. #root.enabled ? 'Active' : 'Closed'.";
}
