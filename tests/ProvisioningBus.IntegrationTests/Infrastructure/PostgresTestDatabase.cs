using Npgsql;

namespace ProvisioningBus.IntegrationTests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL database for one test class on the server named by <c>POSTGRES_CONNECTION</c>
/// (CI exports it from infra/scripts/start-services.sh), dropped with the class.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    public const string ConnectionVariable = "POSTGRES_CONNECTION";

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set. Run `eval \"$(bash infra/scripts/start-services.sh)\"` first, " +
                $"or set {ConnectionVariable}='Host=127.0.0.1;Port=5432;Username=postgres;Password=…'.");
        var name = $"pb_it_{Guid.NewGuid():N}";
        await ExecuteAsync(Admin(server), $"CREATE DATABASE \"{name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString.Length > 0)
        {
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await ExecuteAsync(Admin(ConnectionString), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static string Admin(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
