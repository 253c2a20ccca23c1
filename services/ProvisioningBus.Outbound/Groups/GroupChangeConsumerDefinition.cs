using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Failures;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// The <c>group-changes</c> queue: durable quorum queue, retries for transient faults, then <c>_error</c>. Changes
/// to one group are partitioned onto one lane, so this instance never applies two of them at once (the store
/// lease in <see cref="GroupProvisioner"/> covers other instances).
/// </summary>
public sealed class GroupChangeConsumerDefinition : ConsumerDefinition<GroupChangeConsumer>
{
    public const string QueueName = "group-changes";

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
        endpointConfigurator.UseMessageRetry(retry => retry.SkipPermanentFailures()
            .Exponential(6, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300)));
        consumerConfigurator.Message<PingOneGroupChanged>(message => message.UsePartitioner(Lanes, change => change.Message.GroupId));
    }
}
