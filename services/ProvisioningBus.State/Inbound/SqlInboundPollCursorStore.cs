using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Inbound;

internal sealed class SqlInboundPollCursorStore(StoreDatabase database) : IInboundPollCursorStore
{
    private const string Columns = "rule, config_hash, modified_since, last_full_at, last_run_id, updated_at";

    public Task<InboundPollCursor?> GetAsync(string rule, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM inbound_poll_cursors WHERE rule = @rule", Map, ct, P("rule", rule));

    public Task UpsertAsync(InboundPollCursor cursor, CancellationToken ct) =>
        database.ExecuteAsync(
            $"""
            INSERT INTO inbound_poll_cursors ({Columns})
            VALUES (@rule, @config_hash, @modified_since, @last_full_at, @last_run_id, @updated_at)
            ON CONFLICT (rule) DO UPDATE SET
                config_hash = excluded.config_hash,
                modified_since = excluded.modified_since,
                last_full_at = excluded.last_full_at,
                last_run_id = excluded.last_run_id,
                updated_at = excluded.updated_at
            """,
            ct,
            P("rule", cursor.Rule),
            P("config_hash", cursor.ConfigHash),
            P("modified_since", DbValues.ToDb(cursor.ModifiedSince)),
            P("last_full_at", DbValues.ToDb(cursor.LastFullAt)),
            P("last_run_id", DbValues.ToDb(cursor.LastRunId)),
            P("updated_at", DbValues.ToDb(cursor.UpdatedAt)));

    public async Task<bool> DeleteAsync(string rule, CancellationToken ct) =>
        await database.ExecuteAsync("DELETE FROM inbound_poll_cursors WHERE rule = @rule", ct, P("rule", rule)) > 0;

    private static InboundPollCursor Map(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInstant(2),
        r.GetInstant(3),
        r.GetGuidText(4),
        r.GetInstant(5));
}
