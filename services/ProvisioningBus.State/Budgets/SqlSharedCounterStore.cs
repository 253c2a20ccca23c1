using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Budgets;

internal sealed class SqlSharedCounterStore(StoreDatabase database) : ISharedCounterStore
{
    public Task<SharedCounter?> GetAsync(string name, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync(
            "SELECT state, version FROM shared_counters WHERE name = @name", r => new SharedCounter(r.GetString(0), r.GetInt64(1)), ct, P("name", name));

    public async Task<long?> TryReplaceAsync(string name, string state, long expectedVersion, CancellationToken ct)
    {
        var next = expectedVersion + 1;
        // Insert-or-update in one statement: the version check makes concurrent writers of one row take turns.
        var written = await database.ExecuteAsync(
            """
            INSERT INTO shared_counters (name, state, version) VALUES (@name, @state, @next)
            ON CONFLICT (name) DO UPDATE SET state = excluded.state, version = excluded.version
            WHERE shared_counters.version = @expected
            """,
            ct,
            P("name", name),
            P("state", state),
            P("next", next),
            P("expected", expectedVersion));
        return written == 1 ? next : null;
    }
}
