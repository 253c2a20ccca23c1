using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Outbound.Memberships;

/// <summary>
/// The <c>membership-changes</c> queue: durable quorum queue, batches of up to
/// <see cref="MembershipBatchingOptions.BatchMessageLimit"/> changes gathered for at most
/// <see cref="MembershipBatchingOptions.BatchTimeLimit"/>, <see cref="MembershipBatchingOptions.BatchConcurrencyLimit"/>
/// batches at a time per instance. Infrastructure faults are retried up to <c>Resilience:Redelivery:Ceiling</c>
/// (<see cref="FailureRetry.UseInfrastructureRetry"/>; it must outlast the unprovisioned-user grace period), then <c>_error</c>.
/// </summary>
public sealed class MembershipChangeConsumerDefinition : ConsumerDefinition<MembershipChangeConsumer>
{
    public const string QueueName = RoleQueues.MembershipChanges;

    private readonly MembershipBatchingOptions batching;

    public MembershipChangeConsumerDefinition(IOptions<MembershipBatchingOptions> options)
    {
        batching = options.Value;
        EndpointName = QueueName;
        // A batch can only fill up when the broker hands over at least that many unacknowledged messages.
        Endpoint(endpoint =>
        {
            endpoint.PrefetchCount = batching.BatchMessageLimit * batching.BatchConcurrencyLimit;
            endpoint.ConcurrentMessageLimit = batching.BatchMessageLimit * batching.BatchConcurrencyLimit;
        });
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<MembershipChangeConsumer> consumerConfigurator,
        IRegistrationContext context)
    {

        var capacity = batching.BatchMessageLimit * batching.BatchConcurrencyLimit;
        endpointConfigurator.PrefetchCount = Math.Max(endpointConfigurator.PrefetchCount, capacity);
        endpointConfigurator.ConcurrentMessageLimit = Math.Max(endpointConfigurator.ConcurrentMessageLimit ?? 0, capacity);

        // The retry wraps the whole batch (MassTransit retries Batch<T> as one context); the consumer skips what the
        // earlier attempt applied.
        endpointConfigurator.UseFailureKillSwitch(context);
        endpointConfigurator.UseInfrastructureRetry(context);
        consumerConfigurator.Options<BatchOptions>(options => options
            .SetMessageLimit(batching.BatchMessageLimit)
            .SetTimeLimit(batching.BatchTimeLimit)
            .SetConcurrencyLimit(batching.BatchConcurrencyLimit));
    }
}
