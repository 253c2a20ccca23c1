namespace ProvisioningBus.Contracts;

/// <summary>What happened to a user's membership of a group.</summary>
public enum MembershipChangeAction
{
    /// <summary>The user became a direct member of the group.</summary>
    Added,

    /// <summary>The user stopped being a direct member of the group.</summary>
    Removed,
}
