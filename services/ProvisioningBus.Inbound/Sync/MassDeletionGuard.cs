using System.Globalization;
using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>Decides whether a diff's deletions may go without an operator's approval.</summary>
public static class MassDeletionGuard
{
    /// <param name="deletions">PingOne users this diff would delete.</param>
    /// <param name="provisioned">PingOne users the rule provisioned before the diff.</param>
    /// <returns>Null when the deletions may go; otherwise why they are held, for the sync status.</returns>
    public static string? Check(MassDeletionGuardOptions options, int deletions, int provisioned)
    {
        if (!options.Enabled || deletions == 0)
        {
            return null;
        }

        if (options.MaxDeletions is { } max && deletions > max)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Mass-deletion guard: this snapshot would delete {deletions} of {provisioned} provisioned PingOne users, more than MaxDeletions {max}. Approve the deletions (ApproveInboundDeletions) to apply them.");
        }

        var percent = provisioned == 0 ? 100 : deletions * 100.0 / provisioned;
        if (options.MaxDeletionPercent is { } maxPercent && percent > maxPercent)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Mass-deletion guard: this snapshot would delete {deletions} of {provisioned} provisioned PingOne users ({percent:0.#}%), more than MaxDeletionPercent {maxPercent:0.#}%. Approve the deletions (ApproveInboundDeletions) to apply them.");
        }

        return null;
    }
}
