using ProvisioningBus.State.Hosting;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Hosting;

public sealed class StoreHealthTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_reachable_store_is_healthy(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres, ensureSchema: false);

        var report = await test.Store.Health.CheckAsync(test.Ct);

        Assert.Equal(new(true, engine.ToString(), null), report);
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite, "Data Source=/nonexistent-directory-for-pb-tests/state.db;Mode=ReadWrite")]
    [InlineData(StoreProvider.Postgres, "Host=127.0.0.1;Port=1;Username=pb;Password=hunter2-secret;Timeout=5")]
    public async Task An_unreachable_store_is_unhealthy_without_revealing_the_password(StoreProvider provider, string connectionString)
    {
        await using var store = ProvisioningStore.Create(new StoreOptions { Provider = provider, ConnectionString = connectionString }, TimeProvider.System);

        var report = await store.Health.CheckAsync(CancellationToken.None);

        Assert.False(report.IsHealthy);
        Assert.False(string.IsNullOrEmpty(report.Error));
        Assert.DoesNotContain("hunter2-secret", report.Error);
    }
}
