namespace ProvisioningBus.State.Runs;

/// <summary>The history of sync runs per rule.</summary>
public interface ISyncRunStore
{
    /// <summary>Records a run as <see cref="SyncRunStatus.Running"/>, and forgets the changes <see cref="AddOnceAsync"/> counted more than 7 days ago.</summary>
    Task<SyncRun> StartAsync(Guid runId, string rule, SyncRunKind kind, DateTimeOffset startedAt, CancellationToken ct);

    /// <summary>
    /// Completes a running run. <paramref name="counts"/> are added to what <see cref="AddAsync"/> already counted,
    /// so changes applied asynchronously before completion are kept. <paramref name="error"/> must be safe to show (no secrets).
    /// </summary>
    /// <returns><c>false</c> when the run is unknown or was already completed.</returns>
    Task<bool> CompleteAsync(
        Guid runId, SyncRunStatus status, SyncRunCounts counts, string? error, DateTimeOffset completedAt, CancellationToken ct);

    /// <summary>
    /// Adds <paramref name="delta"/> to the run's counts in one atomic statement, whether or not the run completed: the
    /// changes an inbound run publishes are applied after it completes. Callers count each change once: see the callers
    /// for how a redelivered message is kept from counting twice.
    /// </summary>
    /// <returns><c>false</c> when the run is unknown.</returns>
    Task<bool> AddAsync(Guid runId, SyncRunCounts delta, CancellationToken ct);

    /// <summary>
    /// As <see cref="AddAsync"/>, once per <paramref name="changeKey"/> of the run, so a redelivered change is not
    /// counted twice. The mark is written before the counts (a crash in between loses that count, never doubles it) and
    /// kept for 7 days: starting any run forgets older ones, so a change replayed later than that would count again.
    /// </summary>
    Task<bool> AddOnceAsync(Guid runId, string changeKey, SyncRunCounts delta, CancellationToken ct);

    Task<SyncRun?> GetAsync(Guid runId, CancellationToken ct);

    /// <summary>The most recently started run of the rule.</summary>
    Task<SyncRun?> GetLatestAsync(string rule, CancellationToken ct);

    /// <summary>The rule's runs, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SyncRun>> ListRecentAsync(string rule, int limit, CancellationToken ct);
}
