using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>Decides whether a diff's deletions may go without an operator's approval.</summary>
public static class MassDeletionGuard
{
    /// <param name="deletions">PingOne users this diff would delete.</param>
    /// <param name="provisioned">PingOne users the rule provisioned before the diff.</param>
    /// <returns>Null when the deletions may go; otherwise why they are held, for the sync status.</returns>
    public static string? Check(MassDeletionGuardOptions options, int deletions, int provisioned) =>
        MassDeletionThresholds.Exceeded(options, deletions, provisioned, "this snapshot would delete", "PingOne users", "(ApproveInboundDeletions)");
}
