using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Parking;

internal sealed class SqlParkedEventStore(StoreDatabase database) : IParkedEventStore
{
    private const string Columns = "id, delivery_id, event_index, event_id, action_type, reason, raw_event, parked_at, replayed_at";

    public async Task ParkAsync(IReadOnlyList<ParkedEvent> events, CancellationToken ct)
    {
        foreach (var parked in events)
        {
            await database.ExecuteAsync(
                $"""
                INSERT INTO parked_events ({Columns})
                VALUES (@id, @delivery_id, @event_index, @event_id, @action_type, @reason, @raw_event, @parked_at, NULL)
                ON CONFLICT (id) DO NOTHING
                """,
                ct,
                P("id", parked.Id),
                P("delivery_id", parked.DeliveryId),
                P("event_index", (long)parked.EventIndex),
                P("event_id", parked.EventId),
                P("action_type", parked.ActionType),
                P("reason", parked.Reason),
                P("raw_event", parked.RawEvent),
                P("parked_at", DbValues.ToDb(parked.ParkedAt)));
        }
    }

    public async Task<IReadOnlyList<ParkedEvent>> ListAsync(bool includeReplayed, int limit, CancellationToken ct) =>
        await database.QueryListAsync(
            $"""
            SELECT {Columns} FROM parked_events
            WHERE @include_replayed = 1 OR replayed_at IS NULL
            ORDER BY parked_at DESC, id
            LIMIT @limit
            """,
            Read, ct, P("include_replayed", includeReplayed ? 1L : 0L), P("limit", (long)limit));

    public Task<ParkedEvent?> GetAsync(string id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM parked_events WHERE id = @id", Read, ct, P("id", id));

    public async Task<bool> MarkReplayedAsync(string id, CancellationToken ct) =>
        await database.ExecuteAsync(
            "UPDATE parked_events SET replayed_at = @replayed_at WHERE id = @id",
            ct, P("id", id), P("replayed_at", DbValues.ToDb(database.Time.GetUtcNow()))) == 1;

    public async Task<long> CountWaitingAsync(CancellationToken ct)
    {
        var counts = await database.QueryListAsync("SELECT COUNT(*) FROM parked_events WHERE replayed_at IS NULL", reader => reader.GetInt64(0), ct);
        return counts[0];
    }

    private static ParkedEvent Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        checked((int)reader.GetInt64(2)),
        reader.GetNullableString(3),
        reader.GetNullableString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetInstant(7),
        reader.GetNullableInstant(8));
}
