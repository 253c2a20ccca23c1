using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Runs;

internal sealed class SqlSyncRunStore(StoreDatabase database) : ISyncRunStore
{
    private const string Columns =
        "run_id, rule, kind, started_at, completed_at, status, appeared, changed, disappeared, created, adopted, updated, unchanged, closed, skipped, failed, error";

    /// <summary>The processed_events consumer under which <see cref="AddOnceAsync"/> marks the changes it counted.</summary>
    private const string CountedChanges = "sync_run_counts";

    /// <summary>How long a counted change is remembered (a redelivery comes within minutes, a replay within days).</summary>
    private static readonly TimeSpan CountedChangeRetention = TimeSpan.FromDays(7);

    // Increments, not assignments: an inbound run's changes are counted by their consumer while and after the run completes.
    private const string Increments = """
        appeared = appeared + @appeared, changed = changed + @changed, disappeared = disappeared + @disappeared,
        created = created + @created, adopted = adopted + @adopted, updated = updated + @updated, unchanged = unchanged + @unchanged,
        closed = closed + @closed, skipped = skipped + @skipped, failed = failed + @failed
        """;

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

        // A run starts at most a few times a day per rule: a cheap moment to forget the counted marks no redelivery needs.
        await database.ExecuteAsync(
            "DELETE FROM processed_events WHERE consumer = @consumer AND processed_at < @cutoff",
            ct,
            P("consumer", CountedChanges),
            P("cutoff", DbValues.ToDb(database.Time.GetUtcNow() - CountedChangeRetention)));
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
            $"""
            UPDATE sync_runs SET completed_at = @completed_at, status = @status, error = @error, {Increments}
            WHERE run_id = @run_id AND completed_at IS NULL
            """,
            ct,
            [
                P("run_id", DbValues.ToDb(runId)),
                P("completed_at", DbValues.ToDb(completedAt)),
                P("status", status.ToString()),
                P("error", error),
                .. CountArgs(counts),
            ]) == 1;
    }

    public async Task<bool> AddAsync(Guid runId, SyncRunCounts delta, CancellationToken ct) =>
        await database.ExecuteAsync(
            $"UPDATE sync_runs SET {Increments} WHERE run_id = @run_id",
            ct,
            [P("run_id", DbValues.ToDb(runId)), .. CountArgs(delta)]) == 1;

    public async Task<bool> AddOnceAsync(Guid runId, string changeKey, SyncRunCounts delta, CancellationToken ct)
    {
        // Two statements rather than one transaction: on SQLite each goes through the write queue, where a transaction of
        // its own would contend with the queue for the file. Mark first: a crash in between loses a count, never doubles one.
        var key = $"{runId:D}/{changeKey}";
        var marked = await database.ExecuteAsync(
            """
            INSERT INTO processed_events (consumer, event_id, processed_at) VALUES (@consumer, @event_id, @processed_at)
            ON CONFLICT (consumer, event_id) DO NOTHING
            """,
            ct,
            P("consumer", CountedChanges),
            P("event_id", key),
            P("processed_at", DbValues.ToDb(database.Time.GetUtcNow())));
        if (marked == 0)
        {
            return false;
        }

        if (await AddAsync(runId, delta, ct))
        {
            return true;
        }

        // Unknown run: keep no mark, so that nothing says this change was counted.
        await database.ExecuteAsync(
            "DELETE FROM processed_events WHERE consumer = @consumer AND event_id = @event_id", ct, P("consumer", CountedChanges), P("event_id", key));
        return false;
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
            Adopted = r.GetInt64(10),
            Updated = r.GetInt64(11),
            Unchanged = r.GetInt64(12),
            Closed = r.GetInt64(13),
            Skipped = r.GetInt64(14),
            Failed = r.GetInt64(15),
        },
        r.GetNullableString(16));

    private static SqlParameterValue[] CountArgs(SyncRunCounts counts) =>
    [
        P("appeared", counts.Appeared),
        P("changed", counts.Changed),
        P("disappeared", counts.Disappeared),
        P("created", counts.Created),
        P("adopted", counts.Adopted),
        P("updated", counts.Updated),
        P("unchanged", counts.Unchanged),
        P("closed", counts.Closed),
        P("skipped", counts.Skipped),
        P("failed", counts.Failed),
    ];
}
