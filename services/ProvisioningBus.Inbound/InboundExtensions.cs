using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Inbound.RuleDeletion;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.Inbound.Users;

namespace ProvisioningBus.Inbound;

public static class InboundExtensions
{
    /// <summary>The schedule clock's key (<see cref="InboundSchedule.ClockKey"/>), which the status reader shares.</summary>
    public const string ScheduleClock = InboundSchedule.ClockKey;

    /// <summary>
    /// The inbound worker of the inbound <paramref name="roles"/> (both by default): the poller role runs the snapshot
    /// schedule of every <c>Inbound:Rules:*</c> rule and the sync/approval command consumers; the applier role
    /// consumes the differences and applies them to PingOne. Registers its own bus unless the caller (a host that also
    /// runs other roles) passes <paramref name="registerBus"/> false and adds <see cref="AddInboundConsumers"/> to a bus
    /// of its own.
    /// </summary>
    public static IHostApplicationBuilder AddInbound(this IHostApplicationBuilder builder, bool registerBus = true, WorkerRoles roles = WorkerRoles.Inbound)
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
        services.AddSingleton<InboundSyncCommands>();
        services.AddSingleton<DeletedInboundRuleDeprovisioner>();

        if (registerBus)
        {
            services.AddProvisioningBus(configuration, bus => AddInboundConsumers(bus, roles));
        }

        // After the bus: hosted services start in registration order, so the first poll publishes on a started bus.
        services.AddSingleton<InboundPoller>();
        if (roles.HasFlag(WorkerRoles.InboundPoller))
        {
            services.AddHostedService(provider => provider.GetRequiredService<InboundPoller>());
            services.AddHostedService<InboundRuleLifecycleService>();
        }

        return builder;
    }

    /// <summary>The consumers (and so the receive endpoints) of the inbound <paramref name="roles"/>; other roles are ignored.</summary>
    public static void AddInboundConsumers(this IBusRegistrationConfigurator bus, WorkerRoles roles = WorkerRoles.Inbound)
    {
        if (roles.HasFlag(WorkerRoles.InboundApplier))
        {
            bus.AddConsumer<InboundUserChangeConsumer, InboundUserChangeConsumerDefinition>();
        }

        if (roles.HasFlag(WorkerRoles.InboundPoller))
        {
            bus.AddConsumer<SyncRuleConsumer, SyncRuleConsumerDefinition>();
            bus.AddConsumer<ApproveInboundDeletionsConsumer, ApproveInboundDeletionsConsumerDefinition>();
        }
    }
}
