using Npgsql;

namespace ProvisioningBus.Outbound.Tests.Infrastructure;

/// <summary>The PostgreSQL server named by POSTGRES_CONNECTION; a test class creates a throw-away database on it.</summary>
public static class PostgresServer
{
    public const string ConnectionVariable = "POSTGRES_CONNECTION";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set, so the PostgreSQL tests cannot run. " +
                "Start a local server with `eval \"$(bash infra/scripts/start-services.sh)\"` (it prints the export).");

    public static async Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var name = $"pb_outbound_test_{Guid.NewGuid():N}";
        await ExecuteAsync(AdminConnectionString, $"CREATE DATABASE \"{name}\"", ct);
        // Tests need no durability: without waiting for each commit's WAL flush a test runs several times faster here.
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Options = "-c synchronous_commit=off" }.ConnectionString;
    }

    public static Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        return ExecuteAsync(AdminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
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
