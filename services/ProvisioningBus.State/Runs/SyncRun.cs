namespace ProvisioningBus.State.Runs;

/// <summary>One full or manual sync of a rule, from start to completion.</summary>
public sealed record SyncRun(
    Guid RunId,
    string Rule,
    SyncRunKind Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    SyncRunStatus Status,
    SyncRunCounts Counts,
    string? Error);
