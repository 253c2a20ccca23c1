using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Outbound.Rules;
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
        builder.Services.AddSingleton<UserProvisioner>();

        if (registerBus)
        {
            builder.Services.AddProvisioningBus(configuration, AddOutboundConsumers);
        }

        return builder;
    }

    public static void AddOutboundConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<UserChangeConsumer, UserChangeConsumerDefinition>();
    }
}
