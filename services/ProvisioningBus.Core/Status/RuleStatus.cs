using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Core.Status;

/// <summary>One rule's sync status, shaped like PingOne's sync summary (mission §6).</summary>
/// <param name="Direction"><c>outbound</c> or <c>inbound</c>.</param>
/// <param name="Connection">The Docusign connection the rule writes to (outbound) or reads from (inbound).</param>
/// <param name="Enabled">The rule's own toggle; <see cref="Status"/> also accounts for the connection's.</param>
/// <param name="StatusReason">Why the rule is not Active (e.g. "connection demo is disabled"); null when it is.</param>
/// <param name="LastSyncAt">When the rule last completed a sync (its latest run's end when the store remembers none) or last applied a change, whichever is later.</param>
/// <param name="NextSyncAt">When the rule next runs by itself: inbound rules only, outbound rules follow events.</param>
/// <param name="DailySyncTimeOfDay">Inbound only: UTC time of day of the daily sync, set once the initial full sync completed.</param>
/// <param name="PendingApprovalSnapshotId">Set while the mass-deletion guard holds deletions; approve this snapshot to release them.</param>
/// <param name="RecentFailures">The newest failed entities, each with Docusign's errorCode and message.</param>
public sealed record RuleStatus(
    string Name,
    string Direction,
    string Connection,
    bool Enabled,
    RuleSyncState Status,
    string? StatusReason,
    DateTimeOffset? LastSyncAt,
    DateTimeOffset? NextSyncAt,
    TimeOnly? DailySyncTimeOfDay,
    OutcomeCounts Users,
    OutcomeCounts Groups,
    SyncRun? LastRun,
    TimeSpan? LastRunDuration,
    Guid? PendingApprovalSnapshotId,
    string? PendingApprovalReason,
    IReadOnlyList<EntityOutcome> RecentFailures)
{
    /// <summary>The rule's <c>Description</c> setting.</summary>
    public string? Description { get; init; }
}
