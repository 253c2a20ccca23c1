namespace ProvisioningBus.State.Runs;

/// <summary>The history of sync runs per rule.</summary>
public interface ISyncRunStore
{
    /// <summary>Records a run as <see cref="SyncRunStatus.Running"/>.</summary>
    Task<SyncRun> StartAsync(Guid runId, string rule, SyncRunKind kind, DateTimeOffset startedAt, CancellationToken ct);

    /// <summary>Completes a running run. <paramref name="error"/> must be safe to show (no secrets).</summary>
    /// <returns><c>false</c> when the run is unknown or was already completed.</returns>
    Task<bool> CompleteAsync(
        Guid runId, SyncRunStatus status, SyncRunCounts counts, string? error, DateTimeOffset completedAt, CancellationToken ct);

    Task<SyncRun?> GetAsync(Guid runId, CancellationToken ct);

    /// <summary>The most recently started run of the rule.</summary>
    Task<SyncRun?> GetLatestAsync(string rule, CancellationToken ct);

    /// <summary>The rule's runs, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SyncRun>> ListRecentAsync(string rule, int limit, CancellationToken ct);
}
