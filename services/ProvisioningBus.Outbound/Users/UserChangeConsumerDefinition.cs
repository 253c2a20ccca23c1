using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// The <c>user-changes</c> queue: durable quorum queue, consumed in batches of up to
/// <see cref="UserBatchOptions.BatchMessageLimit"/> changes gathered for at most <see cref="UserBatchOptions.BatchTimeLimit"/>,
/// <see cref="UserBatchOptions.BatchConcurrencyLimit"/> batches at a time per process (the users' store leases keep two
/// batches, here or in another process, off one user). Infrastructure faults are retried up to
/// <c>Resilience:Redelivery:Ceiling</c> with the batch kept unacknowledged (<see cref="InfrastructureRetry"/>, in the
/// consumer); permanent ones are recorded per user and acknowledged.
/// </summary>
public sealed class UserChangeConsumerDefinition : ConsumerDefinition<UserChangeConsumer>
{
    public const string QueueName = RoleQueues.UserChanges;

    private readonly UserBatchOptions batching;

    public UserChangeConsumerDefinition(IOptions<UserBatchOptions> options)
    {
        batching = options.Value;
        EndpointName = QueueName;
        // A batch can only fill up when the broker hands over at least that many unacknowledged messages.
        var capacity = batching.BatchMessageLimit * batching.BatchConcurrencyLimit;
        Endpoint(endpoint =>
        {
            endpoint.PrefetchCount = capacity;
            endpoint.ConcurrentMessageLimit = capacity;
        });
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserChangeConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        var capacity = batching.BatchMessageLimit * batching.BatchConcurrencyLimit;
        endpointConfigurator.PrefetchCount = Math.Max(endpointConfigurator.PrefetchCount, capacity);
        endpointConfigurator.ConcurrentMessageLimit = Math.Max(endpointConfigurator.ConcurrentMessageLimit ?? 0, capacity);

        // Infrastructure faults are waited out inside the consumer, around the whole batch (InfrastructureRetry); the kill
        // switch sees only the batches that gave up.
        endpointConfigurator.UseFailureKillSwitch(context);
        consumerConfigurator.Options<BatchOptions>(options => options
            .SetMessageLimit(batching.BatchMessageLimit)
            .SetTimeLimit(batching.BatchTimeLimit)
            .SetConcurrencyLimit(batching.BatchConcurrencyLimit));
    }
}
