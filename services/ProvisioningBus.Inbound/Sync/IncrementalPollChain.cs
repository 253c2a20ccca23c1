using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>
/// Whether a run of a rule may list only what changed since the last successful run. Anything that could leave a
/// change unseen breaks the chain, and the run takes a full snapshot instead: a missed change would stay missed.
/// </summary>
public static class IncrementalPollChain
{
    /// <summary>What the cursor remembers of the configuration: the rule's fingerprint and the organisation listed.</summary>
    public static string ConfigHash(InboundRuleOptions rule) =>
        InboundRuleFingerprint.Compute(rule) + ":" + rule.Incremental.OrganizationId?.Trim().ToLowerInvariant();

    /// <param name="latest">The rule's most recent run before this one.</param>
    /// <returns>Null when the run may be incremental; otherwise why it takes a full snapshot.</returns>
    public static string? FullBecause(
        InboundRuleOptions rule, SyncRunKind kind, Guid? approvedSnapshotId, RuleState? state, InboundPollCursor? cursor, SyncRun? latest, DateTimeOffset now)
    {
        if (!rule.Incremental.Enabled)
        {
            return "incremental poll not configured";
        }

        // Initial, full resync and manual runs are reconciliations by definition; only the daily run is incremental.
        if (kind != SyncRunKind.Daily)
        {
            return $"a {kind} run is always full";
        }

        // Held deletions are decided again by the full diff; an incremental run would not meet them.
        if (approvedSnapshotId is not null || state?.PendingApprovalSnapshotId is not null)
        {
            return "deletions await approval";
        }

        if (cursor is null)
        {
            return "no previous successful run";
        }

        if (!string.Equals(cursor.ConfigHash, ConfigHash(rule), StringComparison.Ordinal))
        {
            return "the rule's configuration changed";
        }

        // Every successful run moves the cursor; a later run that did not failed (or died, or is held for approval).
        if (latest is not null && latest.RunId != cursor.LastRunId)
        {
            return $"the last run ({latest.RunId:D}) did not succeed";
        }

        if (now - cursor.LastFullAt >= rule.Incremental.FullSnapshotEvery)
        {
            return "the full snapshot is due";
        }

        return null;
    }
}
