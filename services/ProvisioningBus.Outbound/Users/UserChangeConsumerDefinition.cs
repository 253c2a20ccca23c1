using MassTransit;

namespace ProvisioningBus.Outbound.Users;

/// <summary>The <c>user-changes</c> queue: durable quorum queue, retries for transient faults, then <c>_error</c>.</summary>
public sealed class UserChangeConsumerDefinition : ConsumerDefinition<UserChangeConsumer>
{
    public const string QueueName = "user-changes";

    public UserChangeConsumerDefinition()
    {
        EndpointName = QueueName;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserChangeConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            // Quorum queues are replicated and survive a broker node loss; classic queues do not.
            rabbit.SetQuorumQueue();
        }

        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
    }
}
