using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.State;
using ProvisioningBus.State.Inbound;

namespace ProvisioningBus.Inbound.Tests.Infrastructure;

public static class ServiceCollectionTestExtensions
{
    /// <summary>Replaces the snapshot store the runner uses with one that calls <paramref name="beforeReplace"/> first.</summary>
    public static void HookSnapshotReplace(this IServiceCollection services, Action beforeReplace) =>
        services.AddSingleton<IInboundSnapshotStore>(provider =>
            new SnapshotStoreDecorator(provider.GetRequiredService<IProvisioningStore>().InboundSnapshots, beforeReplace));
}
