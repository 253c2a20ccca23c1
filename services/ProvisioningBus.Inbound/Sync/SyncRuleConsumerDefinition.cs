using MassTransit;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>The <c>inbound-sync-requests</c> queue: quorum; a request that finds the rule busy waits for the running sync.</summary>
public sealed class SyncRuleConsumerDefinition : ConsumerDefinition<SyncRuleConsumer>
{
    public const string QueueName = RoleQueues.InboundSyncRequests;

    public SyncRuleConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SyncRuleConsumer> consumerConfigurator,
        IRegistrationContext context)
    {

        endpointConfigurator.UseMessageRetry(retry => InboundRetry.ForSyncCommands(retry));
    }
}
