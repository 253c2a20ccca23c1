using MassTransit;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Outbound.OnDemand;

/// <summary>
/// The <c>provision-user-now</c> queue. No retry: an operator waits for the answer, and a failure is better shown to
/// them at once (the request faults) than retried behind their back.
/// </summary>
public sealed class ProvisionUserNowConsumerDefinition : ConsumerDefinition<ProvisionUserNowConsumer>
{
    public const string QueueName = RoleQueues.ProvisionUserNow;

    public ProvisionUserNowConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 4;
    }
}
