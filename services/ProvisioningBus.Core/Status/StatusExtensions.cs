using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Core.Hosting;

namespace ProvisioningBus.Core.Status;

public static class StatusExtensions
{
    /// <summary>The sync-status reader over the store, and queue depths from RabbitMQ's management API.</summary>
    public static IHostApplicationBuilder AddSyncStatus(this IHostApplicationBuilder builder)
    {
        builder.AddProvisioningStateStore();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(RabbitMqQueueDepthReader.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.TryAddSingleton<IQueueDepthReader, RabbitMqQueueDepthReader>();
        builder.Services.TryAddSingleton<SyncStatusReader>();
        return builder;
    }
}
