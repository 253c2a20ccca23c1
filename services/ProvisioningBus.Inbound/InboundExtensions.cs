using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.Inbound.Status;
using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.Inbound.Users;

namespace ProvisioningBus.Inbound;

public static class InboundExtensions
{
    /// <summary>
    /// Key of the <see cref="TimeProvider"/> the schedule, the runs and the lease renewals read: the registered
    /// <see cref="TimeProvider"/> unless one is registered under this key. Tests move this clock by days without
    /// also moving the clock the HTTP clients' timeouts and token lifetimes run on.
    /// </summary>
    public const string ScheduleClock = "inbound-schedule";

    /// <summary>
    /// The inbound worker: the snapshot poller of every <c>Inbound:Rules:*</c> rule, the consumer that applies the
    /// differences to PingOne, the sync/approval command consumers and <see cref="InboundSyncStatus"/>.
    /// Registers its own bus unless the caller (the all-in-one host) passes <paramref name="registerBus"/> false and
    /// adds <see cref="AddInboundConsumers"/> to a bus of its own.
    /// </summary>
    public static IHostApplicationBuilder AddInbound(this IHostApplicationBuilder builder, bool registerBus = true)
    {
        var configuration = builder.Configuration;
        builder.AddProvisioningCore();

        var services = builder.Services;
        services.AddOptions<InboundOptions>().Bind(configuration.GetSection(InboundOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboundOptions>, InboundOptionsValidator>();
        services.TryAddKeyedSingleton<TimeProvider>(ScheduleClock, (provider, _) => provider.GetRequiredService<TimeProvider>());
        services.AddSingleton<InboundRuleCatalog>();
        services.AddSingleton<InboundInstance>();
        services.AddSingleton<InboundSyncRunner>();
        services.AddSingleton<InboundUserApplier>();
        services.AddSingleton<InboundSyncStatus>();
        services.AddSingleton<InboundSyncCommands>();

        if (registerBus)
        {
            services.AddProvisioningBus(configuration, AddInboundConsumers);
        }

        // After the bus: hosted services start in registration order, so the first poll publishes on a started bus.
        services.AddSingleton<InboundPoller>();
        services.AddHostedService(provider => provider.GetRequiredService<InboundPoller>());
        return builder;
    }

    public static void AddInboundConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<InboundUserChangeConsumer, InboundUserChangeConsumerDefinition>();
        bus.AddConsumer<SyncRuleConsumer, SyncRuleConsumerDefinition>();
        bus.AddConsumer<ApproveInboundDeletionsConsumer, ApproveInboundDeletionsConsumerDefinition>();
    }
}
