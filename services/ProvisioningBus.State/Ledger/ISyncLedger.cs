namespace ProvisioningBus.State.Ledger;

/// <summary>The latest outcome per entity, feeding sync status (HTTP API, CLI, status page).</summary>
public interface ISyncLedger
{
    /// <summary>Records the entity's latest outcome. An outcome older than the stored one is ignored.</summary>
    /// <returns><c>true</c> when written.</returns>
    Task<bool> RecordAsync(EntityOutcome outcome, CancellationToken ct);

    /// <summary><see cref="RecordAsync"/> for many entities (at most 500, one outcome each) in one statement.</summary>
    Task RecordManyAsync(IReadOnlyList<EntityOutcome> outcomes, CancellationToken ct);

    /// <summary>
    /// Forgets these entities (at most 500), which the rule no longer has anything to do with; each outcome says what
    /// was last done to it (closed, or skipped as out of scope) for the provisioning log.
    /// </summary>
    Task ForgetManyAsync(IReadOnlyList<EntityOutcome> forgotten, CancellationToken ct);

    /// <summary>Forgets these entities (at most 500 ids).</summary>
    Task DeleteManyAsync(string rule, EntityKind kind, IReadOnlyList<string> entityIds, CancellationToken ct);

    Task<EntityOutcome?> GetAsync(string rule, EntityKind kind, string entityId, CancellationToken ct);

    Task<SyncSummary> GetSummaryAsync(string rule, CancellationToken ct);

    /// <summary>The newest failed entities of the rule, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<EntityOutcome>> ListFailuresAsync(string rule, int limit, CancellationToken ct);

    /// <summary>Forgets an entity (deleted in the source and deprovisioned).</summary>
    Task<bool> DeleteAsync(string rule, EntityKind kind, string entityId, CancellationToken ct);
}
