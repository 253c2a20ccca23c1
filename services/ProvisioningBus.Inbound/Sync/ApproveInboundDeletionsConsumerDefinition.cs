using MassTransit;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>The <c>inbound-deletion-approvals</c> queue: quorum; an approval that finds the rule busy waits for the running sync.</summary>
public sealed class ApproveInboundDeletionsConsumerDefinition : ConsumerDefinition<ApproveInboundDeletionsConsumer>
{
    public const string QueueName = RoleQueues.InboundDeletionApprovals;

    public ApproveInboundDeletionsConsumerDefinition()
    {
        EndpointName = QueueName;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ApproveInboundDeletionsConsumer> consumerConfigurator,
        IRegistrationContext context)
    {

        endpointConfigurator.UseMessageRetry(retry => InboundRetry.ForSyncCommands(retry));
    }
}
