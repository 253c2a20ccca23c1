using Npgsql;

namespace ProvisioningBus.Testing;

/// <summary>Throw-away databases on the PostgreSQL server named by <c>POSTGRES_CONNECTION</c>, for tests that share one store between several workers.</summary>
public static class PostgresDatabases
{
    public const string ConnectionVariable = "POSTGRES_CONNECTION";

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set, so the tests that need PostgreSQL cannot run. " +
                "Start a local server with `eval \"$(bash infra/scripts/start-services.sh)\"` (it prints the export).");

    public static async Task<string> CreateAsync()
    {
        var name = $"pb_test_{Guid.NewGuid():N}";
        await ExecuteAsync(AdminConnectionString, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Options = "-c synchronous_commit=off" }.ConnectionString;
    }

    public static Task DropAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        return ExecuteAsync(AdminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string AdminConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ConnectionString;
}
