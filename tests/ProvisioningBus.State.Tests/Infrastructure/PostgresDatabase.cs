using Npgsql;

namespace ProvisioningBus.State.Tests.Infrastructure;

/// <summary>
/// One throw-away PostgreSQL database per test class, created on first use (so a class's SQLite half runs even
/// without a server) and dropped with the class. Tests inside it get a schema each: CREATE DATABASE costs about
/// a second of fsyncs, CREATE SCHEMA a few milliseconds.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly Lazy<Task<string>> database = new(() => PostgresServer.CreateDatabaseAsync(CancellationToken.None));

    public Task<string> GetConnectionStringAsync(CancellationToken ct) => database.Value.WaitAsync(ct);

    /// <summary>A fresh schema in this class's database, and a connection string whose search path points at it.</summary>
    public async Task<string> CreateSchemaAsync(CancellationToken ct)
    {
        var database = await GetConnectionStringAsync(ct);
        var schema = $"t_{Guid.NewGuid():N}";
        await PostgresServer.ExecuteAsync(database, $"CREATE SCHEMA \"{schema}\"", ct);
        return new NpgsqlConnectionStringBuilder(database) { SearchPath = schema }.ConnectionString;
    }

    public static Task DropSchemaAsync(string connectionString)
    {
        var schema = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        return PostgresServer.ExecuteAsync(connectionString, $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", CancellationToken.None);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (database.IsValueCreated && database.Value.IsCompletedSuccessfully)
        {
            await PostgresServer.DropDatabaseAsync(await database.Value);
        }
    }
}
