namespace ProvisioningBus.Outbound.Tests.Infrastructure;

/// <summary>One throw-away PostgreSQL database per test class, dropped with the class.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync(CancellationToken.None);

    public Task DisposeAsync() => ConnectionString.Length == 0 ? Task.CompletedTask : PostgresServer.DropDatabaseAsync(ConnectionString);
}
