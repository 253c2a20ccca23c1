using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// The <c>group-changes</c> queue: durable quorum queue, infrastructure faults retried up to
/// <c>Resilience:Redelivery:Ceiling</c> (<see cref="FailureRetry.UseInfrastructureRetry"/>), then <c>_error</c>. Changes
/// to one group are partitioned onto one lane, so this instance never applies two of them at once (the store
/// lease in <see cref="GroupProvisioner"/> covers other instances).
/// </summary>
public sealed class GroupChangeConsumerDefinition : ConsumerDefinition<GroupChangeConsumer>
{
    public const string QueueName = RoleQueues.GroupChanges;

    private const int Lanes = 8;

    public GroupChangeConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = Lanes;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<GroupChangeConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseFailureKillSwitch(context);
        endpointConfigurator.UseInfrastructureRetry(context);
        consumerConfigurator.Message<PingOneGroupChanged>(message => message.UsePartitioner(Lanes, change => change.Message.GroupId));
    }
}
