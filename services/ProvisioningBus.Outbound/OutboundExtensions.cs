using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Memberships;
using ProvisioningBus.Outbound.Resync;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Status;
using ProvisioningBus.Outbound.Users;

namespace ProvisioningBus.Outbound;

public static class OutboundExtensions
{
    /// <summary>
    /// The outbound worker: PingOne and Docusign clients, the compiled rules, and the consumers.
    /// Registers its own bus unless the caller (the all-in-one host) passes <paramref name="registerBus"/> false
    /// and adds <see cref="AddOutboundConsumers"/> to a bus of its own.
    /// </summary>
    public static IHostApplicationBuilder AddOutbound(this IHostApplicationBuilder builder, bool registerBus = true)
    {
        var configuration = builder.Configuration;
        builder.AddProvisioningCore();

        builder.Services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidator>();
        builder.Services.AddSingleton<OutboundRuleCatalog>();
        builder.Services.AddSingleton<ConnectionSwitch>();
        builder.Services.AddSingleton<WorkerInstance>();
        builder.Services.AddSingleton<UserProvisioner>();
        builder.Services.AddSingleton<OutboundRuleResync>();
        builder.Services.AddSingleton<DeletedRuleDeprovisioner>();
        builder.Services.AddSingleton<OutboundSyncStatus>();
        builder.Services.AddHostedService<RuleLifecycleService>();

        if (registerBus)
        {
            builder.Services.AddProvisioningBus(configuration, AddOutboundConsumers);
        }

        return builder;
    }

    public static void AddOutboundConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<UserChangeConsumer, UserChangeConsumerDefinition>();
        bus.AddConsumer<SyncRuleConsumer, SyncRuleConsumerDefinition>();
        bus.AddGroupConsumers();
        bus.AddMembershipConsumers();
    }
}
