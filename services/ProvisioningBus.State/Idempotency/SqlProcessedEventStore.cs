using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Idempotency;

internal sealed class SqlProcessedEventStore(StoreDatabase database) : IProcessedEventStore
{
    public async Task<bool> TryMarkProcessedAsync(string consumer, string eventId, CancellationToken ct) =>
        await database.ExecuteAsync(
            """
            INSERT INTO processed_events (consumer, event_id, processed_at) VALUES (@consumer, @event_id, @processed_at)
            ON CONFLICT (consumer, event_id) DO NOTHING
            """,
            ct,
            P("consumer", consumer),
            P("event_id", eventId),
            P("processed_at", DbValues.ToDb(database.Time.GetUtcNow()))) == 1;

    public async Task<bool> UnmarkAsync(string consumer, string eventId, CancellationToken ct) =>
        await database.ExecuteAsync(
            "DELETE FROM processed_events WHERE consumer = @consumer AND event_id = @event_id",
            ct, P("consumer", consumer), P("event_id", eventId)) == 1;

    public Task<int> PurgeOlderThanAsync(TimeSpan age, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(age, TimeSpan.Zero);
        return database.ExecuteAsync(
            "DELETE FROM processed_events WHERE processed_at < @cutoff",
            ct, P("cutoff", DbValues.ToDb(database.Time.GetUtcNow() - age)));
    }
}
