using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Leases;

internal sealed class SqlLeaseStore(StoreDatabase database) : ILeaseStore
{
    public async Task<bool> TryAcquireAsync(string name, string holderId, TimeSpan ttl, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var now = database.Time.GetUtcNow();
        // One statement: insert when free, otherwise update only when expired or already ours. The row lock taken by
        // ON CONFLICT makes two racing instances see each other's write, so at most one of them gets a row count of 1.
        return await database.ExecuteAsync(
            """
            INSERT INTO leases (name, holder_id, expires_at) VALUES (@name, @holder_id, @expires_at)
            ON CONFLICT (name) DO UPDATE SET holder_id = excluded.holder_id, expires_at = excluded.expires_at
            WHERE leases.holder_id = excluded.holder_id OR leases.expires_at <= @now
            """,
            ct,
            P("name", name),
            P("holder_id", holderId),
            P("expires_at", DbValues.ToDb(now + ttl)),
            P("now", DbValues.ToDb(now))) == 1;
    }

    public async Task<bool> RenewAsync(string name, string holderId, TimeSpan ttl, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var now = database.Time.GetUtcNow();
        return await database.ExecuteAsync(
            """
            UPDATE leases SET expires_at = @expires_at
            WHERE name = @name AND holder_id = @holder_id AND expires_at > @now
            """,
            ct,
            P("name", name),
            P("holder_id", holderId),
            P("expires_at", DbValues.ToDb(now + ttl)),
            P("now", DbValues.ToDb(now))) == 1;
    }

    public async Task<bool> ReleaseAsync(string name, string holderId, CancellationToken ct) =>
        await database.ExecuteAsync(
            "DELETE FROM leases WHERE name = @name AND holder_id = @holder_id", ct, P("name", name), P("holder_id", holderId)) == 1;

    public async Task<IReadOnlySet<string>> TryAcquireManyAsync(IReadOnlyList<string> names, string holderId, TimeSpan ttl, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        if (names.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var now = database.Time.GetUtcNow();
        var (values, parameters) = SqlLists.Values(names, name => name, _ => holderId, _ => DbValues.ToDb(now + ttl));
        // Same rule as TryAcquireAsync, row by row; the holder id is unique to this batch, so reading back which rows
        // carry it tells which leases this call took (RETURNING would too, but not through SQLite's write queue).
        await database.ExecuteAsync(
            $"""
            INSERT INTO leases (name, holder_id, expires_at) VALUES {values}
            ON CONFLICT (name) DO UPDATE SET holder_id = excluded.holder_id, expires_at = excluded.expires_at
            WHERE leases.holder_id = excluded.holder_id OR leases.expires_at <= @now
            """,
            ct,
            [.. parameters, P("now", DbValues.ToDb(now))]);
        var (ids, idParameters) = SqlLists.In("n", names);
        var held = await database.QueryListAsync(
            $"SELECT name FROM leases WHERE holder_id = @holder_id AND name IN ({ids})", r => r.GetString(0), ct, [P("holder_id", holderId), .. idParameters]);
        return held.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<int> RenewManyAsync(IReadOnlyList<string> names, string holderId, TimeSpan ttl, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        if (names.Count == 0)
        {
            return 0;
        }

        var now = database.Time.GetUtcNow();
        var (ids, parameters) = SqlLists.In("n", names);
        return await database.ExecuteAsync(
            $"UPDATE leases SET expires_at = @expires_at WHERE holder_id = @holder_id AND expires_at > @now AND name IN ({ids})",
            ct,
            [P("holder_id", holderId), P("expires_at", DbValues.ToDb(now + ttl)), P("now", DbValues.ToDb(now)), .. parameters]);
    }

    public async Task ReleaseManyAsync(IReadOnlyList<string> names, string holderId, CancellationToken ct)
    {
        if (names.Count == 0)
        {
            return;
        }

        var (ids, parameters) = SqlLists.In("n", names);
        await database.ExecuteAsync($"DELETE FROM leases WHERE holder_id = @holder_id AND name IN ({ids})", ct, [P("holder_id", holderId), .. parameters]);
    }
}
