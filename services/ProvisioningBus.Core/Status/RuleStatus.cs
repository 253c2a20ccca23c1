using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Core.Status;

/// <summary>One rule's sync status, shaped like PingOne's sync summary (mission §6).</summary>
public sealed record RuleStatus(
    string Name,
    string Direction,
    bool Enabled,
    string Status,
    DateTimeOffset? LastSyncAt,
    DateTimeOffset? NextSyncAt,
    OutcomeCounts Users,
    OutcomeCounts Groups,
    SyncRun? LastRun,
    string? PendingApprovalReason,
    IReadOnlyList<EntityOutcome> RecentFailures);
