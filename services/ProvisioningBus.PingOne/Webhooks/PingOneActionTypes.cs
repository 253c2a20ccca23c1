namespace ProvisioningBus.PingOne.Webhooks;

/// <summary>The PingOne audit <c>action.type</c> values this service acts on (fact sheet §1.6).</summary>
public static class PingOneActionTypes
{
    public const string UserCreated = "USER.CREATED";
    public const string UserUpdated = "USER.UPDATED";

    /// <summary>
    /// Appears only in one PingOne docs example of a user update; every observed event uses USER.UPDATED.
    /// Accepted as an update so a real occurrence is not dropped.
    /// </summary>
    public const string UserModified = "USER.MODIFIED";

    public const string UserDeleted = "USER.DELETED";
    public const string GroupCreated = "GROUP.CREATED";
    public const string GroupUpdated = "GROUP.UPDATED";
    public const string GroupDeleted = "GROUP.DELETED";
    public const string MemberOfGroupCreated = "MEMBER_OF_GROUP.CREATED";
    public const string MemberOfGroupDeleted = "MEMBER_OF_GROUP.DELETED";

    /// <summary>Every action type the parser turns into a change; a subscription should include these.</summary>
    public static IReadOnlyList<string> Handled { get; } =
    [
        UserCreated, UserUpdated, UserDeleted,
        GroupCreated, GroupUpdated, GroupDeleted,
        MemberOfGroupCreated, MemberOfGroupDeleted,
    ];
}
