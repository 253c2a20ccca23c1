using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Runs;

internal sealed class SqlSyncRunStore(StoreDatabase database) : ISyncRunStore
{
    private const string Columns =
        "run_id, rule, kind, started_at, completed_at, status, appeared, changed, disappeared, created, updated, deleted, skipped, failed, error";

    public async Task<SyncRun> StartAsync(Guid runId, string rule, SyncRunKind kind, DateTimeOffset startedAt, CancellationToken ct)
    {
        await database.ExecuteAsync(
            """
            INSERT INTO sync_runs (run_id, rule, kind, started_at, status)
            VALUES (@run_id, @rule, @kind, @started_at, @status)
            """,
            ct,
            P("run_id", DbValues.ToDb(runId)),
            P("rule", rule),
            P("kind", kind.ToString()),
            P("started_at", DbValues.ToDb(startedAt)),
            P("status", nameof(SyncRunStatus.Running)));
        return new SyncRun(runId, rule, kind, startedAt, null, SyncRunStatus.Running, SyncRunCounts.None, null);
    }

    public async Task<bool> CompleteAsync(
        Guid runId, SyncRunStatus status, SyncRunCounts counts, string? error, DateTimeOffset completedAt, CancellationToken ct)
    {
        if (status == SyncRunStatus.Running)
        {
            throw new ArgumentException("A run completes with a final status, not Running.", nameof(status));
        }

        return await database.ExecuteAsync(
            """
            UPDATE sync_runs SET
                completed_at = @completed_at, status = @status, error = @error,
                appeared = @appeared, changed = @changed, disappeared = @disappeared,
                created = @created, updated = @updated, deleted = @deleted, skipped = @skipped, failed = @failed
            WHERE run_id = @run_id AND completed_at IS NULL
            """,
            ct,
            P("run_id", DbValues.ToDb(runId)),
            P("completed_at", DbValues.ToDb(completedAt)),
            P("status", status.ToString()),
            P("error", error),
            P("appeared", counts.Appeared),
            P("changed", counts.Changed),
            P("disappeared", counts.Disappeared),
            P("created", counts.Created),
            P("updated", counts.Updated),
            P("deleted", counts.Deleted),
            P("skipped", counts.Skipped),
            P("failed", counts.Failed)) == 1;
    }

    public Task<SyncRun?> GetAsync(Guid runId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM sync_runs WHERE run_id = @run_id", Map, ct, P("run_id", DbValues.ToDb(runId)));

    public async Task<SyncRun?> GetLatestAsync(string rule, CancellationToken ct)
    {
        var latest = await ListRecentAsync(rule, 1, ct);
        return latest.Count == 0 ? null : latest[0];
    }

    public async Task<IReadOnlyList<SyncRun>> ListRecentAsync(string rule, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return await database.QueryListAsync(
            $"SELECT {Columns} FROM sync_runs WHERE rule = @rule ORDER BY started_at DESC, run_id DESC LIMIT @limit",
            Map, ct, P("rule", rule), P("limit", (long)limit));
    }

    private static SyncRun Map(DbDataReader r) => new(
        r.GetGuidText(0),
        r.GetString(1),
        r.GetEnum<SyncRunKind>(2),
        r.GetInstant(3),
        r.GetNullableInstant(4),
        r.GetEnum<SyncRunStatus>(5),
        new SyncRunCounts
        {
            Appeared = r.GetInt64(6),
            Changed = r.GetInt64(7),
            Disappeared = r.GetInt64(8),
            Created = r.GetInt64(9),
            Updated = r.GetInt64(10),
            Deleted = r.GetInt64(11),
            Skipped = r.GetInt64(12),
            Failed = r.GetInt64(13),
        },
        r.GetNullableString(14));
}
