using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProvisioningBus.Outbound.Groups;

public static class GroupRegistration
{
    /// <summary>The group consumer (<c>group-changes</c>) and the services it and a full resync use.</summary>
    public static void AddGroupConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton(TimeProvider.System);
        bus.TryAddSingleton<GroupLedger>();
        bus.TryAddSingleton<GroupProvisioner>();
        bus.TryAddSingleton<GroupResync>();
        bus.AddConsumer<GroupChangeConsumer, GroupChangeConsumerDefinition>();
    }
}
