using Npgsql;

namespace ProvisioningBus.State.Tests.Infrastructure;

/// <summary>The PostgreSQL server named by POSTGRES_CONNECTION; tests create throw-away databases on it.</summary>
public static class PostgresServer
{
    public const string ConnectionVariable = "POSTGRES_CONNECTION";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set, so the PostgreSQL half of the store tests cannot run. " +
                "Start a local server with `eval \"$(bash infra/scripts/start-services.sh)\"` (it prints the export), " +
                $"or set {ConnectionVariable}='Host=127.0.0.1;Port=5432;Username=postgres;Password=…'.");

    public static async Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var name = $"pb_test_{Guid.NewGuid():N}";
        // An ICU en-US default collation, like most production clusters: it sorts 'a' before 'B', so tests prove
        // that ordered reads use the byte-order collation the schema asks for rather than the database default.
        await ExecuteAsync(
            AdminConnectionString,
            $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'",
            ct);
        // Tests need no durability: without waiting for each commit's WAL flush a test runs several times faster here.
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Options = "-c synchronous_commit=off" }.ConnectionString;
    }

    public static Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        return ExecuteAsync(AdminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    public static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string AdminConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ConnectionString;
}
