using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Inbound.Users;

/// <summary>
/// The <c>docusign-user-changes</c> queue: quorum, infrastructure faults retried up to <c>Resilience:Redelivery:Ceiling</c>
/// (<see cref="FailureRetry.UseInfrastructureRetry"/>), then <c>_error</c>. Differences of one
/// Docusign user go through one partition, so two runs' differences for the same user are not applied at once.
/// </summary>
public sealed class InboundUserChangeConsumerDefinition : ConsumerDefinition<InboundUserChangeConsumer>
{
    public const string QueueName = RoleQueues.DocusignUserChanges;

    private const int Partitions = 16;

    public InboundUserChangeConsumerDefinition()
    {
        EndpointName = QueueName;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<InboundUserChangeConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseFailureKillSwitch(context);
        endpointConfigurator.UseInfrastructureRetry(context);

        var partitioner = endpointConfigurator.CreatePartitioner(Partitions);
        consumerConfigurator.Message<DocusignUserAppeared>(m => m.UsePartitioner(partitioner, c => c.Message.DocusignUserId));
        consumerConfigurator.Message<DocusignUserChanged>(m => m.UsePartitioner(partitioner, c => c.Message.DocusignUserId));
        consumerConfigurator.Message<DocusignUserDisappeared>(m => m.UsePartitioner(partitioner, c => c.Message.DocusignUserId));
    }
}
