using Npgsql;

namespace ProvisioningBus.Benchmarks.Deployment;

/// <summary>A throw-away state store for one deployment: the <c>State:*</c> settings every host of it shares.</summary>
public sealed class StateDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "POSTGRES_CONNECTION";

    private readonly string? sqlitePath;
    private readonly string? postgresConnection;

    private StateDatabase(StoreKind kind, string connectionString, string? sqlitePath, string? postgresConnection)
    {
        Kind = kind;
        ConnectionString = connectionString;
        this.sqlitePath = sqlitePath;
        this.postgresConnection = postgresConnection;
    }

    public StoreKind Kind { get; }

    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["State:Provider"] = Kind == StoreKind.Postgres ? "Postgres" : "Sqlite",
        ["State:ConnectionString"] = ConnectionString,
    };

    public static bool PostgresAvailable => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static bool TmpfsAvailable => System.IO.Directory.Exists("/dev/shm");

    public static async Task<StateDatabase> CreateAsync(StoreKind kind, CancellationToken ct)
    {
        if (kind is StoreKind.Sqlite or StoreKind.SqliteOnTmpfs)
        {
            var folder = kind == StoreKind.SqliteOnTmpfs ? "/dev/shm" : Path.GetTempPath();
            var path = Path.Combine(folder, $"provisioningbus-bench-{Guid.NewGuid():N}.db");
            return new StateDatabase(kind, $"Data Source={path}", path, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set; run `eval \"$(bash infra/scripts/start-services.sh)\"` or use the SQLite store.");
        var name = $"pb_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(Admin(server), $"CREATE DATABASE \"{name}\"", ct);
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new StateDatabase(kind, connection, null, connection);
    }

    /// <summary>Transactions committed in this database so far (PostgreSQL's statistics); null for SQLite.</summary>
    public async Task<long?> CommittedTransactionsAsync(CancellationToken ct)
    {
        if (postgresConnection is null)
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(postgresConnection);
        await connection.OpenAsync(ct);
        // The statistics snapshot is cached per transaction; clear it so the count is current.
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }

        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long?)await command.ExecuteScalarAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqlitePath is not null)
        {
            foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (postgresConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var name = new NpgsqlConnectionStringBuilder(postgresConnection).Database;
            await ExecuteAsync(Admin(postgresConnection), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    private static string Admin(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
