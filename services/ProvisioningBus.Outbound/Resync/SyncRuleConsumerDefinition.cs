using MassTransit;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>The <c>outbound-sync-rule</c> queue: one resync at a time per process (the store lease makes it one per rule across instances).</summary>
public sealed class SyncRuleConsumerDefinition : ConsumerDefinition<SyncRuleConsumer>
{
    public const string QueueName = RoleQueues.OutboundSyncRequests;

    public SyncRuleConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SyncRuleConsumer> consumerConfigurator,
        IRegistrationContext context)
    {

        // A resync is long and re-reads everything, so a failed one is retried only a few times, further and further
        // apart; one that found another resync running (ResyncAlreadyRunningException) runs after it this way.
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)));
    }
}
