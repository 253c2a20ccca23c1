using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Core.Status;

public static class StatusExtensions
{
    /// <summary>The one sync-status reader over configuration and the store, and queue depths from RabbitMQ's management API.</summary>
    public static IHostApplicationBuilder AddSyncStatus(this IHostApplicationBuilder builder)
    {
        builder.AddProvisioningStateStore();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // The reader predicts inbound runs on the schedule's clock, which is the system clock unless a host keys another.
        builder.Services.TryAddKeyedSingleton<TimeProvider>(InboundSchedule.ClockKey, (provider, _) => provider.GetRequiredService<TimeProvider>());
        builder.Services.AddHttpClient(RabbitMqQueueDepthReader.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.TryAddSingleton<IQueueDepthReader, RabbitMqQueueDepthReader>();
        builder.Services.TryAddSingleton<ConnectionSwitch>();
        builder.Services.TryAddSingleton<SyncStatusReader>();
        return builder;
    }
}
