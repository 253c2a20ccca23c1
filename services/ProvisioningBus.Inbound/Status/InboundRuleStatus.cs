using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Status;

/// <summary>
/// An inbound rule's sync status: the outbound-shaped summary (per-user outcomes from the ledger), the last run with its
/// counts (appeared / changed / disappeared / skipped / failed) and duration, and what the schedule does next.
/// </summary>
/// <param name="DailySyncTimeOfDay">UTC time of day of the daily sync; null until the initial full sync completed.</param>
/// <param name="NextScheduledRun">When the rule next runs by itself; null when disabled.</param>
/// <param name="PendingApprovalSnapshotId">Set while the mass-deletion guard holds deletions; approve this snapshot to release them.</param>
public sealed record InboundRuleStatus(
    string Rule,
    bool Enabled,
    SyncSummary Summary,
    SyncRun? LastRun,
    TimeSpan? LastRunDuration,
    DateTimeOffset? LastSyncAt,
    TimeOnly? DailySyncTimeOfDay,
    DateTimeOffset? NextScheduledRun,
    Guid? PendingApprovalSnapshotId,
    string? PendingApprovalReason);
