namespace ProvisioningBus.State.Rules;

/// <summary>
/// What the store remembers about a configured rule: a rule stored but no longer configured was deleted;
/// a different <see cref="ConfigHash"/> means its configuration changed.
/// </summary>
/// <param name="KnownSince">When the rule was first seen.</param>
/// <param name="DailySyncTimeOfDay">Inbound only: the UTC time of day its initial full sync completed, when it runs daily.</param>
/// <param name="LastSyncAt">When the rule last completed a sync.</param>
/// <param name="PendingApprovalSnapshotId">Set while the mass-deletion guard holds back a snapshot's deletions.</param>
/// <param name="PendingApprovalReason">Why the deletions are held (counts, threshold), for operators.</param>
public sealed record RuleState(
    string Rule,
    RuleDirection Direction,
    string ConfigHash,
    DateTimeOffset KnownSince,
    TimeOnly? DailySyncTimeOfDay,
    DateTimeOffset? LastSyncAt,
    Guid? PendingApprovalSnapshotId,
    string? PendingApprovalReason);
