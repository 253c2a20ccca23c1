using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Ledger;

internal sealed class SqlSyncLedger(StoreDatabase database) : ISyncLedger
{
    private const string Columns = "rule, entity_kind, entity_id, display_name, outcome, error_code, error_message, at";

    private const string OnConflict = """
        ON CONFLICT (rule, entity_kind, entity_id) DO UPDATE SET
            display_name = excluded.display_name,
            outcome = excluded.outcome,
            error_code = excluded.error_code,
            error_message = excluded.error_message,
            at = excluded.at
        WHERE entity_outcomes.at <= excluded.at
        """;

    public async Task RecordManyAsync(IReadOnlyList<EntityOutcome> outcomes, CancellationToken ct)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var (values, parameters) = SqlLists.Values(
            outcomes,
            o => o.Rule,
            o => o.EntityKind.ToString(),
            o => o.EntityId,
            o => o.DisplayName,
            o => o.Outcome.ToString(),
            o => o.ErrorCode,
            o => o.ErrorMessage,
            o => DbValues.ToDb(o.At));
        await database.ExecuteAsync($"INSERT INTO entity_outcomes ({Columns}) VALUES {values} {OnConflict}", ct, parameters);
    }

    public async Task ForgetManyAsync(IReadOnlyList<EntityOutcome> forgotten, CancellationToken ct)
    {
        foreach (var group in forgotten.GroupBy(o => (o.Rule, o.EntityKind)))
        {
            await DeleteManyAsync(group.Key.Rule, group.Key.EntityKind, [.. group.Select(o => o.EntityId)], ct);
        }
    }

    public async Task DeleteManyAsync(string rule, EntityKind kind, IReadOnlyList<string> entityIds, CancellationToken ct)
    {
        if (entityIds.Count == 0)
        {
            return;
        }

        var (ids, parameters) = SqlLists.In("id", entityIds);
        await database.ExecuteAsync(
            $"DELETE FROM entity_outcomes WHERE rule = @rule AND entity_kind = @entity_kind AND entity_id IN ({ids})",
            ct, [P("rule", rule), P("entity_kind", kind.ToString()), .. parameters]);
    }

    public async Task<bool> RecordAsync(EntityOutcome outcome, CancellationToken ct) =>
        await database.ExecuteAsync(
            $"""
            INSERT INTO entity_outcomes ({Columns})
            VALUES (@rule, @entity_kind, @entity_id, @display_name, @outcome, @error_code, @error_message, @at)
            {OnConflict}
            """,
            ct,
            P("rule", outcome.Rule),
            P("entity_kind", outcome.EntityKind.ToString()),
            P("entity_id", outcome.EntityId),
            P("display_name", outcome.DisplayName),
            P("outcome", outcome.Outcome.ToString()),
            P("error_code", outcome.ErrorCode),
            P("error_message", outcome.ErrorMessage),
            P("at", DbValues.ToDb(outcome.At))) == 1;

    public Task<EntityOutcome?> GetAsync(string rule, EntityKind kind, string entityId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM entity_outcomes WHERE rule = @rule AND entity_kind = @entity_kind AND entity_id = @entity_id",
            Map, ct, P("rule", rule), P("entity_kind", kind.ToString()), P("entity_id", entityId));

    public async Task<SyncSummary> GetSummaryAsync(string rule, CancellationToken ct)
    {
        // Grouped COUNT(*) rather than SUM(CASE …): COUNT is BIGINT on both engines, SUM of BIGINT is NUMERIC on PostgreSQL.
        var rows = await database.QueryListAsync(
            "SELECT entity_kind, outcome, COUNT(*) FROM entity_outcomes WHERE rule = @rule GROUP BY entity_kind, outcome",
            r => (Kind: r.GetEnum<EntityKind>(0), Outcome: r.GetEnum<SyncOutcome>(1), Count: r.GetCount(2)),
            ct, P("rule", rule));
        return new SyncSummary(rule, Count(EntityKind.User), Count(EntityKind.Group));

        OutcomeCounts Count(EntityKind kind)
        {
            int Of(SyncOutcome outcome) => rows.Where(r => r.Kind == kind && r.Outcome == outcome).Sum(r => r.Count);
            return new OutcomeCounts(
                Impacted: rows.Where(r => r.Kind == kind).Sum(r => r.Count),
                Success: Of(SyncOutcome.Success),
                Unsynced: Of(SyncOutcome.Unsynced),
                PartiallySynced: Of(SyncOutcome.PartiallySynced),
                Failed: Of(SyncOutcome.Failed),
                Skipped: Of(SyncOutcome.Skipped));
        }
    }

    public async Task<IReadOnlyList<EntityOutcome>> ListFailuresAsync(string rule, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return await database.QueryListAsync(
            $"""
            SELECT {Columns} FROM entity_outcomes
            WHERE rule = @rule AND outcome = @outcome
            ORDER BY at DESC, entity_kind, entity_id
            LIMIT @limit
            """,
            Map, ct, P("rule", rule), P("outcome", nameof(SyncOutcome.Failed)), P("limit", (long)limit));
    }

    public async Task<bool> DeleteAsync(string rule, EntityKind kind, string entityId, CancellationToken ct) =>
        await database.ExecuteAsync(
            "DELETE FROM entity_outcomes WHERE rule = @rule AND entity_kind = @entity_kind AND entity_id = @entity_id",
            ct, P("rule", rule), P("entity_kind", kind.ToString()), P("entity_id", entityId)) > 0;

    private static EntityOutcome Map(DbDataReader r) => new(
        r.GetString(0),
        r.GetEnum<EntityKind>(1),
        r.GetString(2),
        r.GetString(3),
        r.GetEnum<SyncOutcome>(4),
        r.GetNullableString(5),
        r.GetNullableString(6),
        r.GetInstant(7));
}
