namespace ProvisioningBus.Outbound.Memberships;

/// <summary>What one rule made of a batch of membership changes.</summary>
/// <param name="Applied">Changes now in Docusign (including ones already there).</param>
/// <param name="Pending">Changes that must be retried: users not provisioned yet, transient Docusign failures.</param>
/// <param name="NotPushed">Changes for users out of the rule's scope or groups gone from PingOne.</param>
/// <param name="Failed">Changes Docusign refused permanently (recorded as their group's failure).</param>
public sealed record MembershipApplyResult(int Applied, int Pending, int NotPushed, int Failed)
{
    public static MembershipApplyResult None { get; } = new(0, 0, 0, 0);

    public MembershipApplyResult Add(MembershipApplyResult other) =>
        new(Applied + other.Applied, Pending + other.Pending, NotPushed + other.NotPushed, Failed + other.Failed);
}
