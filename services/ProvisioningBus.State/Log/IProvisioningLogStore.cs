namespace ProvisioningBus.State.Log;

/// <summary>The provisioning log's rows. Workers append through <see cref="ProvisioningLogQueue"/>, never directly.</summary>
public interface IProvisioningLogStore
{
    /// <summary>Appends the entries in multi-row statements; an entry already stored (same id) is left as it was.</summary>
    Task AppendManyAsync(IReadOnlyList<ProvisioningLogEntry> entries, CancellationToken ct);

    Task<ProvisioningLogPage> QueryAsync(ProvisioningLogQuery query, CancellationToken ct);

    /// <summary>Entries per minute and outcome in [<paramref name="since"/>, now), for charts.</summary>
    Task<IReadOnlyList<OutcomeMinute>> CountPerMinuteAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>When a worker last changed something for the rule (a write that succeeded; not an unchanged user nor an operator's request).</summary>
    Task<DateTimeOffset?> LastAppliedAtAsync(string rule, CancellationToken ct);

    /// <summary>Deletes entries older than <paramref name="before"/>.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct);
}
