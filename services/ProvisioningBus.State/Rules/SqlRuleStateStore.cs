using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Rules;

internal sealed class SqlRuleStateStore(StoreDatabase database) : IRuleStateStore
{
    private const string Columns =
        "rule, direction, config_hash, known_since, daily_sync_time_of_day, last_sync_at, pending_approval_snapshot_id, pending_approval_reason";

    public Task<RuleState?> GetAsync(string rule, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM rule_states WHERE rule = @rule", Map, ct, P("rule", rule));

    public Task UpsertAsync(RuleState state, CancellationToken ct) =>
        database.ExecuteAsync(
            $"""
            INSERT INTO rule_states ({Columns})
            VALUES (@rule, @direction, @config_hash, @known_since, @daily_sync_time_of_day, @last_sync_at,
                    @pending_approval_snapshot_id, @pending_approval_reason)
            ON CONFLICT (rule) DO UPDATE SET
                direction = excluded.direction,
                config_hash = excluded.config_hash,
                known_since = excluded.known_since,
                daily_sync_time_of_day = excluded.daily_sync_time_of_day,
                last_sync_at = excluded.last_sync_at,
                pending_approval_snapshot_id = excluded.pending_approval_snapshot_id,
                pending_approval_reason = excluded.pending_approval_reason
            """,
            ct,
            P("rule", state.Rule),
            P("direction", state.Direction.ToString()),
            P("config_hash", state.ConfigHash),
            P("known_since", DbValues.ToDb(state.KnownSince)),
            P("daily_sync_time_of_day", DbValues.ToDb(state.DailySyncTimeOfDay)),
            P("last_sync_at", DbValues.ToDb(state.LastSyncAt)),
            P("pending_approval_snapshot_id", DbValues.ToDb(state.PendingApprovalSnapshotId)),
            P("pending_approval_reason", state.PendingApprovalReason));

    public async Task<IReadOnlyList<RuleState>> ListAsync(CancellationToken ct) =>
        await database.QueryListAsync($"SELECT {Columns} FROM rule_states ORDER BY rule", Map, ct);

    public async Task<bool> DeleteAsync(string rule, CancellationToken ct) =>
        await database.ExecuteAsync("DELETE FROM rule_states WHERE rule = @rule", ct, P("rule", rule)) > 0;

    private static RuleState Map(DbDataReader r) => new(
        r.GetString(0),
        r.GetEnum<RuleDirection>(1),
        r.GetString(2),
        r.GetInstant(3),
        r.GetNullableTimeOfDay(4),
        r.GetNullableInstant(5),
        r.GetNullableGuidText(6),
        r.GetNullableString(7));
}
