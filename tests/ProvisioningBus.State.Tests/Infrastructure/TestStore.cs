using Microsoft.Data.Sqlite;
using ProvisioningBus.State.Hosting;

namespace ProvisioningBus.State.Tests.Infrastructure;

/// <summary>A fresh, empty store for one test (a temp SQLite file, or a new schema in the class's PostgreSQL database), dropped afterwards.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly List<ProvisioningStore> opened = [];
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromMinutes(2));
    private readonly Func<Task> dropDatabase;

    private TestStore(StoreEngine engine, StoreOptions options, Func<Task> dropDatabase)
    {
        Engine = engine;
        KeyRing = Directory.CreateTempSubdirectory("pb-state-test-keys-");
        Options = options with { KeyRingPath = KeyRing.FullName };
        this.dropDatabase = dropDatabase;
        Clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Store = Open();
    }

    public StoreEngine Engine { get; }

    /// <summary>This test's own Data Protection key ring, so tests never share keys.</summary>
    public DirectoryInfo KeyRing { get; }

    public StoreOptions Options { get; }

    public ManualClock Clock { get; }

    /// <summary>The store under test, on <see cref="Clock"/>.</summary>
    public ProvisioningStore Store { get; }

    /// <summary>Bounds every test so a lock bug fails it instead of hanging the run.</summary>
    public CancellationToken Ct => timeout.Token;

    public static async Task<TestStore> CreateAsync(StoreEngine engine, PostgresDatabase postgres, bool ensureSchema = true)
    {
        TestStore store;
        if (engine == StoreEngine.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"pb-state-test-{Guid.NewGuid():N}.db");
            var options = new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString };
            store = new TestStore(engine, options, () =>
            {
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }

                return Task.CompletedTask;
            });
        }
        else
        {
            var connectionString = await postgres.CreateSchemaAsync(CancellationToken.None);
            var options = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connectionString };
            store = new TestStore(engine, options, () => PostgresDatabase.DropSchemaAsync(connectionString));
        }

        if (ensureSchema)
        {
            await store.Store.EnsureSchemaAsync(store.Ct);
        }

        return store;
    }

    /// <summary>Another store on the same database, as a second worker instance would have.</summary>
    /// <param name="log">The provisioning log queue the store's ledger fills, when the test watches it.</param>
    public ProvisioningStore Open(TimeProvider? clock = null, string? keyRingPath = null, ProvisioningBus.State.Log.ProvisioningLogQueue? log = null)
    {
        var store = ProvisioningStore.Create(keyRingPath is null ? Options : Options with { KeyRingPath = keyRingPath }, clock ?? Clock, log);
        opened.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        await dropDatabase();
        KeyRing.Delete(recursive: true);
        timeout.Dispose();
    }
}
