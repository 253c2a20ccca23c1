using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Contracts;

namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>Puts one webhook batch's changes on the bus and returns only once the broker confirmed all of them.</summary>
public sealed class ActivityBatchPublisher(IPublishEndpoint publishEndpoint, IOptions<WebhookOptions> options)
{
    private readonly HashSet<string> ignoredActors = new(options.Value.IgnoredActorClientIds, StringComparer.Ordinal);

    /// <returns>How many changes were published and how many were dropped as our own echo.</returns>
    public async Task<(int Published, int Echoes)> PublishAsync(IReadOnlyList<object> changes, CancellationToken cancellationToken)
    {
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
                PingOneUserChanged user => publishEndpoint.Publish(user, cancellationToken),
                PingOneGroupChanged group => publishEndpoint.Publish(group, cancellationToken),
                PingOneMembershipChanged membership => publishEndpoint.Publish(membership, cancellationToken),
                _ => throw new InvalidOperationException($"The parser produced an unexpected change type {change.GetType().Name}."),
            });
        }

        // With publisher confirms on, each Publish completes when RabbitMQ has the message; one failure fails the batch
        // and PingOne redelivers it whole. Duplicates of the ones that did land are harmless downstream.
        await Task.WhenAll(publishes);
        return (publishes.Count, echoes);
    }

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
