using Microsoft.Extensions.Hosting;
using ProvisioningBus.State;
using ProvisioningBus.State.Hosting;

namespace ProvisioningBus.Operations.Tests.Infrastructure;

/// <summary>Opens the test's store the way the services do, so a test can put state in it that the CLI then reads.</summary>
public static class SeededStore
{
    public static async Task<IHost> OpenAsync(TemporaryDatabase database)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddProvisioningStore(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = database.ConnectionString });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static IProvisioningStore Store(this IHost host) => host.Services.GetRequiredService<IProvisioningStore>();
}
