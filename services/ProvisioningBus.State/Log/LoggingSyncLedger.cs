using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.State.Log;

/// <summary>
/// The ledger every worker already records each entity's outcome in, also queueing each outcome as a provisioning log
/// entry: one hook for users, groups, resyncs, inbound and dead-lettered changes alike.
/// </summary>
internal sealed class LoggingSyncLedger(ISyncLedger inner, ProvisioningLogQueue log) : ISyncLedger
{
    public async Task<bool> RecordAsync(EntityOutcome outcome, CancellationToken ct)
    {
        var written = await inner.RecordAsync(outcome, ct);
        await log.EnqueueAsync(ProvisioningLogEntries.From(outcome), ct);
        return written;
    }

    public async Task RecordManyAsync(IReadOnlyList<EntityOutcome> outcomes, CancellationToken ct)
    {
        await inner.RecordManyAsync(outcomes, ct);
        await EnqueueAsync(outcomes, ct);
    }

    public async Task ForgetManyAsync(IReadOnlyList<EntityOutcome> forgotten, CancellationToken ct)
    {
        await inner.ForgetManyAsync(forgotten, ct);
        await EnqueueAsync(forgotten, ct);
    }

    public Task DeleteManyAsync(string rule, EntityKind kind, IReadOnlyList<string> entityIds, CancellationToken ct) =>
        inner.DeleteManyAsync(rule, kind, entityIds, ct);

    public Task<EntityOutcome?> GetAsync(string rule, EntityKind kind, string entityId, CancellationToken ct) =>
        inner.GetAsync(rule, kind, entityId, ct);

    public Task<SyncSummary> GetSummaryAsync(string rule, CancellationToken ct) => inner.GetSummaryAsync(rule, ct);

    public Task<IReadOnlyList<EntityOutcome>> ListFailuresAsync(string rule, int limit, CancellationToken ct) =>
        inner.ListFailuresAsync(rule, limit, ct);

    public Task<bool> DeleteAsync(string rule, EntityKind kind, string entityId, CancellationToken ct) =>
        inner.DeleteAsync(rule, kind, entityId, ct);

    private async Task EnqueueAsync(IReadOnlyList<EntityOutcome> outcomes, CancellationToken ct)
    {
        foreach (var outcome in outcomes)
        {
            await log.EnqueueAsync(ProvisioningLogEntries.From(outcome), ct);
        }
    }
}
