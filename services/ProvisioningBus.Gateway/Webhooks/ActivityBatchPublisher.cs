using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Contracts;

namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>Puts one webhook batch's changes on the bus and returns only once the broker confirmed all of them.</summary>
public sealed class ActivityBatchPublisher(IPublishEndpoint publishEndpoint, IOptions<WebhookOptions> options)
{
    private readonly HashSet<string> ignoredActors = new(options.Value.IgnoredActorClientIds, StringComparer.Ordinal);
    private readonly TimeSpan publishTimeout = options.Value.PublishTimeout;

    /// <returns>How many changes were published and how many were dropped as our own echo.</returns>
    /// <exception cref="OperationCanceledException">The broker did not confirm within the publish timeout.</exception>
    public async Task<(int Published, int Echoes)> PublishAsync(IReadOnlyList<object> changes, CancellationToken requestAborted)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        deadline.CancelAfter(publishTimeout);
        var cancellationToken = deadline.Token;
        var publishes = new List<Task>(changes.Count);
        var echoes = 0;
        foreach (var change in changes)
        {
            if (IsEcho(change))
            {
                echoes++;
                continue;
            }

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
        return (publishes.Count, echoes);
    }

    /// <summary>
    /// Mandatory: RabbitMQ returns a message no queue is bound for instead of dropping it, and the publish fails.
    /// A change that no worker queue would receive is then answered 503 and redelivered by PingOne, not lost.
    /// </summary>
    private static void Mandatory(PublishContext context) => context.Mandatory = true;

    private bool IsEcho(object change)
    {
        var actor = change switch
        {
            PingOneUserChanged user => user.ActorClientId,
            PingOneGroupChanged group => group.ActorClientId,
            PingOneMembershipChanged membership => membership.ActorClientId,
            _ => null,
        };
        return actor is not null && ignoredActors.Contains(actor);
    }
}
