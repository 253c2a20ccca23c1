using MassTransit;
using ProvisioningBus.Contracts;

namespace ProvisioningBus.Core.Messaging;

/// <summary>
/// Puts PingOne directory changes on the bus and returns only once the broker confirmed all of them: the gateway's
/// webhook batches and the CLI's replay of parked events.
/// </summary>
public sealed class DirectoryChangePublisher(IPublishEndpoint publishEndpoint)
{
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> ended before the broker confirmed.</exception>
    public async Task PublishAsync(IReadOnlyList<object> changes, CancellationToken cancellationToken)
    {
        var publishes = new List<Task>(changes.Count);
        foreach (var change in changes)
        {
            publishes.Add(change switch
            {
                PingOneUserChanged user => publishEndpoint.Publish(user, (PublishContext<PingOneUserChanged> context) => Mandatory(context), cancellationToken),
                PingOneGroupChanged group => publishEndpoint.Publish(group, (PublishContext<PingOneGroupChanged> context) => Mandatory(context), cancellationToken),
                PingOneMembershipChanged membership => publishEndpoint.Publish(membership, (PublishContext<PingOneMembershipChanged> context) => Mandatory(context), cancellationToken),
                _ => throw new InvalidOperationException($"The parser produced an unexpected change type {change.GetType().Name}."),
            });
        }

        // With publisher confirms on, each Publish completes when RabbitMQ has the message; one failure fails the batch
        // and PingOne redelivers it whole. Duplicates of the ones that did land are harmless downstream.
        await Task.WhenAll(publishes);
    }

    /// <summary>
    /// Mandatory: RabbitMQ returns a message no queue is bound for instead of dropping it, and the publish fails.
    /// A change that no worker queue would receive is then answered 503 and redelivered by PingOne, not lost.
    /// </summary>
    private static void Mandatory(PublishContext context) => context.Mandatory = true;
}
