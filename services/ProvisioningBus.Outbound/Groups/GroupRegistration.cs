using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProvisioningBus.Outbound.Groups;

public static class GroupRegistration
{
    /// <summary>The services the group consumer (<c>group-changes</c>) and a full resync use.</summary>
    public static void AddGroupServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GroupLedger>();
        services.TryAddSingleton<GroupProvisioner>();
        services.TryAddSingleton<GroupResync>();
        services.TryAddSingleton<UnpushedGroups>();
    }
}
