using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProvisioningBus.State.Hosting;

/// <summary>
/// Creates or upgrades the schema when the host starts. Hosted services start in registration order, so
/// <c>AddProvisioningStore</c> before <c>AddMassTransit</c> means no consumer runs before the schema exists.
/// </summary>
internal sealed class StoreSchemaInitializer(IProvisioningStore store, ILogger<StoreSchemaInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await store.EnsureSchemaAsync(cancellationToken);
        logger.LogInformation("State store schema is at version {SchemaVersion}", version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
