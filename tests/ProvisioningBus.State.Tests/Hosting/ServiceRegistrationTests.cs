using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.State.Hosting;
using ProvisioningBus.State.Leases;
using ProvisioningBus.State.Tests.Infrastructure;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.State.Tests.Hosting;

public sealed class ServiceRegistrationTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Starting_the_host_creates_the_schema_and_feature_stores_resolve_on_the_registered_clock(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres, ensureSchema: false);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(test.Clock)
            .AddProvisioningStore(test.Options);
        await using var provider = services.BuildServiceProvider();

        // As the generic host starts them: every "starting" phase (where the schema is created), then every start.
        var hostedServices = provider.GetServices<IHostedService>().ToList();
        foreach (var lifecycle in hostedServices.OfType<IHostedLifecycleService>())
        {
            await lifecycle.StartingAsync(test.Ct);
        }

        foreach (var hosted in hostedServices)
        {
            await hosted.StartAsync(test.Ct);
        }

        Assert.True(await test.Store.GetSchemaVersionAsync(test.Ct) >= 1);
        var leases = provider.GetRequiredService<ILeaseStore>();
        Assert.True(await leases.TryAcquireAsync("poller", "a", TimeSpan.FromSeconds(10), test.Ct));
        test.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await leases.TryAcquireAsync("poller", "b", TimeSpan.FromSeconds(10), test.Ct));
        Assert.Null(await provider.GetRequiredService<IUserLinkStore>().GetAsync("rule", "nobody", test.Ct));
    }

    [Fact]
    public void Registering_with_invalid_options_fails_at_once_naming_the_key()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() =>
            services.AddProvisioningStore(new StoreOptions { Provider = StoreProvider.Postgres }));

        Assert.Contains("State:ConnectionString", error.Message);
    }
}
