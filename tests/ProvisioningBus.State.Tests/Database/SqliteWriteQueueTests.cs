using Microsoft.Data.Sqlite;
using ProvisioningBus.State.Database;
using ProvisioningBus.State.Hosting;

namespace ProvisioningBus.State.Tests.Database;

/// <summary>SQLite writes are committed in groups: every write must still keep its own outcome.</summary>
public sealed class SqliteWriteQueueTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"pb-write-queue-{Guid.NewGuid():N}.db");
    private StoreDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = StoreDatabase.Create(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = $"Data Source={path}" }, TimeProvider.System);
        await database.QuerySingleOrDefaultAsync(database.Dialect.PrepareDatabaseStatement!, reader => (object)reader.GetString(0), CancellationToken.None);
        await database.ExecuteAsync("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Concurrent_writes_are_all_committed_and_a_failing_one_fails_alone()
    {
        var ct = CancellationToken.None;
        var inserts = Enumerable.Range(1, 300)
            .Select(i => Task.Run(() => database.ExecuteAsync("INSERT INTO items (id, name) VALUES (@id, @name)", ct, new("id", i), new("name", $"item {i}")), ct))
            .ToList();
        // Same key as item 150, racing with it: exactly one of the two must win, whatever commit they share.
        var duplicate = Task.Run(() => database.ExecuteAsync("INSERT INTO items (id, name) VALUES (@id, @name)", ct, new("id", 150), new("name", "duplicate")), ct);

        var all = inserts.Append(duplicate).ToList();
        await Task.WhenAll(all.Select(task => task.ContinueWith(_ => { }, ct, TaskContinuationOptions.None, TaskScheduler.Default)));

        var failed = Assert.Single(all, task => task.IsFaulted);
        Assert.IsType<SqliteException>(failed.Exception!.InnerException);
        Assert.All(all.Where(task => !task.IsFaulted), task => Assert.Equal(1, task.Result));
        var count = await database.QuerySingleOrDefaultAsync("SELECT COUNT(*) AS n FROM items", reader => (object)reader.GetInt64(0), ct);
        Assert.Equal(300L, count);
    }

    [Fact]
    public async Task A_write_is_visible_to_a_new_connection_once_its_call_returns()
    {
        var ct = CancellationToken.None;
        for (var i = 1; i <= 20; i++)
        {
            Assert.Equal(1, await database.ExecuteAsync("INSERT INTO items (id, name) VALUES (@id, @name)", ct, new("id", i), new("name", "x")));
            var count = await database.QuerySingleOrDefaultAsync("SELECT COUNT(*) AS n FROM items", reader => (object)reader.GetInt64(0), ct);
            Assert.Equal((long)i, count);
        }
    }
}
