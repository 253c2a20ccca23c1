using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Memberships;
using ProvisioningBus.Outbound.Resync;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Users;

namespace ProvisioningBus.Outbound;

public static class OutboundExtensions
{
    /// <summary>
    /// The outbound worker: PingOne and Docusign clients, the compiled rules, and the consumers of the outbound
    /// <paramref name="roles"/> (all of them by default). Registers its own bus unless the caller (a host that also
    /// runs other roles) passes <paramref name="registerBus"/> false and adds <see cref="AddOutboundConsumers"/> to a
    /// bus of its own.
    /// </summary>
    public static IHostApplicationBuilder AddOutbound(this IHostApplicationBuilder builder, bool registerBus = true, WorkerRoles roles = WorkerRoles.Outbound)
    {
        var configuration = builder.Configuration;
        builder.AddProvisioningCore();

        builder.Services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidator>();
        builder.Services.AddSingleton<OutboundRuleCatalog>();
        builder.Services.AddSingleton<WorkerInstance>();
        builder.Services.AddOptions<UserBatchOptions>().Bind(configuration.GetSection(UserBatchOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<UserBatchOptions>, UserBatchOptionsValidator>();
        builder.Services.AddSingleton<UserProvisioner>();
        builder.Services.AddSingleton<UserBatchProvisioner>();
        builder.Services.AddSingleton<OnDemand.OnDemandUserProvisioner>();
        builder.Services.AddSingleton<DeprovisionedUserMemberships>();
        builder.Services.AddSingleton<DocusignAccountDirectory>();
        builder.Services.AddSingleton<OutboundRuleResync>();
        builder.Services.AddSingleton<DeletedRuleDeprovisioner>();
        builder.Services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection(ReconciliationOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReconciliationOptions>, ReconciliationOptionsValidator>();
        if (roles.HasFlag(WorkerRoles.Resync))
        {
            builder.Services.AddHostedService<RuleLifecycleService>();
            builder.Services.AddHostedService<ScheduledReconciliationService>();
        }

        if (registerBus)
        {
            builder.Services.AddProvisioningBus(configuration, bus => AddOutboundConsumers(bus, roles));
        }

        return builder;
    }

    /// <summary>The consumers (and so the receive endpoints) of the outbound <paramref name="roles"/>; other roles are ignored.</summary>
    public static void AddOutboundConsumers(this IBusRegistrationConfigurator bus, WorkerRoles roles = WorkerRoles.Outbound)
    {
        if (roles.HasFlag(WorkerRoles.Users))
        {
            bus.AddConsumer<UserChangeConsumer, UserChangeConsumerDefinition>();
            bus.AddConsumer<OnDemand.ProvisionUserNowConsumer, OnDemand.ProvisionUserNowConsumerDefinition>();
        }

        if (roles.HasFlag(WorkerRoles.Resync))
        {
            bus.AddConsumer<SyncRuleConsumer, SyncRuleConsumerDefinition>();
        }

        // A full resync also reconciles groups, so it needs the group services even where the group consumer runs elsewhere.
        if (roles.HasFlag(WorkerRoles.Groups) || roles.HasFlag(WorkerRoles.Resync))
        {
            bus.AddGroupServices();
        }

        if (roles.HasFlag(WorkerRoles.Groups))
        {
            bus.AddConsumer<GroupChangeConsumer, GroupChangeConsumerDefinition>();
        }

        if (roles.HasFlag(WorkerRoles.Memberships))
        {
            bus.AddMembershipConsumers();
        }
    }
}
