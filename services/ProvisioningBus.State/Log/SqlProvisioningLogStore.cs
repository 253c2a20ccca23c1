using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Log;

internal sealed class SqlProvisioningLogStore(StoreDatabase database) : IProvisioningLogStore
{
    private const string Columns =
        "id, at, rule, direction, entity_type, entity_id, display_name, event_id, trace_id, action, changed_attributes, reason, call_status, error_code, message, outcome, actor";

    // SQLite finds each named parameter by a linear search of the statement's names, so binding n parameters costs n²:
    // 500 rows of 17 columns (8,500 names) took longer than the user writes they log, and halved the user pipeline's
    // throughput through the one SQLite writer. 25 rows keep the search short; PostgreSQL binds by position.
    private const int SqliteRowsPerStatement = 25;

    public async Task AppendManyAsync(IReadOnlyList<ProvisioningLogEntry> entries, CancellationToken ct)
    {
        foreach (var chunk in entries.Chunk(database.Dialect == SqlDialect.Sqlite ? SqliteRowsPerStatement : SqlLists.MaxRows))
        {
            var (values, parameters) = SqlLists.Values(
                chunk,
                e => e.Id,
                e => DbValues.ToDb(e.At),
                e => e.Rule,
                e => e.Direction,
                e => e.EntityType,
                e => e.EntityId,
                e => e.DisplayName,
                e => e.EventId,
                e => e.TraceId,
                e => e.Action,
                e => string.Join(',', e.ChangedAttributes),
                e => e.Reason,
                e => e.CallStatus is { } status ? (long)status : null,
                e => e.ErrorCode,
                e => e.Message,
                e => e.Outcome,
                e => e.Actor);
            await database.ExecuteAsync($"INSERT INTO provisioning_log ({Columns}) VALUES {values} ON CONFLICT (id) DO NOTHING", ct, parameters);
        }
    }

    public async Task<ProvisioningLogPage> QueryAsync(ProvisioningLogQuery query, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, ProvisioningLogQuery.MaxLimit);

        // Conditions are added only for the filters given: PostgreSQL cannot type an untyped NULL in "@x IS NULL OR …".
        var conditions = new List<string>();
        var parameters = new List<SqlParameterValue>();
        if (query.Rule is { } rule)
        {
            conditions.Add("rule = @rule");
            parameters.Add(P("rule", rule));
        }

        if (query.Entity is { } entity)
        {
            conditions.Add("(entity_id = @entity OR display_name = @entity)");
            parameters.Add(P("entity", entity));
        }

        if (query.Outcome is { } outcome)
        {
            conditions.Add("outcome = @outcome");
            parameters.Add(P("outcome", outcome));
        }

        if (query.Since is { } since)
        {
            conditions.Add("at >= @since");
            parameters.Add(P("since", DbValues.ToDb(since)));
        }

        if (query.Until is { } until)
        {
            conditions.Add("at < @until");
            parameters.Add(P("until", DbValues.ToDb(until)));
        }

        // One row more than the page tells whether there is a next page without counting the whole log.
        parameters.Add(P("limit", (long)query.Limit + 1));
        parameters.Add(P("offset", (long)query.Offset));
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        var rows = await database.QueryListAsync(
            $"SELECT {Columns} FROM provisioning_log {where} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset",
            Read, ct, [.. parameters]);
        var more = rows.Count > query.Limit;
        return new ProvisioningLogPage(more ? rows[..query.Limit] : rows, query.Offset, more ? query.Offset + query.Limit : null);
    }

    public async Task<IReadOnlyList<OutcomeMinute>> CountPerMinuteAsync(DateTimeOffset since, CancellationToken ct)
    {
        const long MicrosecondsPerMinute = 60_000_000;
        return await database.QueryListAsync(
            $"""
            SELECT at / {MicrosecondsPerMinute} AS minute, outcome, COUNT(*) FROM provisioning_log
            WHERE at >= @since
            GROUP BY at / {MicrosecondsPerMinute}, outcome
            ORDER BY minute, outcome
            """,
            r => new OutcomeMinute(DbValues.FromMicroseconds(r.GetInt64(0) * MicrosecondsPerMinute), r.GetString(1), r.GetCount(2)),
            ct, P("since", DbValues.ToDb(since)));
    }

    public async Task<DateTimeOffset?> LastAppliedAtAsync(string rule, CancellationToken ct)
    {
        var rows = await database.QueryListAsync(
            "SELECT MAX(at) FROM provisioning_log WHERE rule = @rule AND outcome = @success AND direction <> @operator AND action NOT IN ('unchanged', 'skip')",
            r => r.GetNullableInstant(0), ct,
            P("rule", rule), P("success", ProvisioningLogValues.Success), P("operator", ProvisioningLogValues.Operator));
        return rows[0];
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct) =>
        database.ExecuteAsync("DELETE FROM provisioning_log WHERE at < @before", ct, P("before", DbValues.ToDb(before)));

    private static ProvisioningLogEntry Read(DbDataReader r) => new(
        r.GetInstant(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetString(6),
        r.GetString(9),
        r.GetString(15))
    {
        Id = r.GetString(0),
        EventId = r.GetNullableString(7),
        TraceId = r.GetNullableString(8),
        ChangedAttributes = r.GetString(10) is { Length: > 0 } names ? names.Split(',') : [],
        Reason = r.GetNullableString(11),
        CallStatus = r.IsDBNull(12) ? null : checked((int)r.GetInt64(12)),
        ErrorCode = r.GetNullableString(13),
        Message = r.GetNullableString(14),
        Actor = r.GetNullableString(16),
    };
}
