using System.Text;
using MassTransit;
using PingOne.Emulator;
using ProvisioningBus.Contracts;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Memberships;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.PingOne.Webhooks;

namespace ProvisioningBus.Testing;

/// <summary>
/// Stands in for the webhook and the gateway in consumer tests: reads the PingOne emulator's new audit events, turns
/// them into contract messages with the gateway's own parser and publishes them on a <see cref="HarnessedOutboundWorker"/>,
/// in the order PingOne recorded them. A change reaches the consumers only when a test delivers it, so "the webhook
/// was lost" is simply not delivering.
/// </summary>
public sealed class PingOneChangeFeed(PingOneEmulator pingOne, HarnessedOutboundWorker worker)
{
    private readonly PingOneActivityParser parser = new();
    private long delivered;

    /// <summary>Forgets the changes recorded so far, as a webhook subscription that never delivered them would.</summary>
    public void Skip() => delivered = pingOne.Activities.LastSequence;

    /// <summary>Publishes the changes recorded since the last call, without waiting for them to be consumed.</summary>
    public async Task<IReadOnlyList<object>> PublishAsync()
    {
        var activities = pingOne.Activities.Snapshot().Where(activity => activity.Sequence > delivered).ToList();
        if (activities.Count == 0)
        {
            return [];
        }

        delivered = activities[^1].Sequence;
        var body = Encoding.UTF8.GetBytes("[" + string.Join(",", activities.Select(activity => activity.Json)) + "]");
        var changes = parser.Parse(body, isNdJson: false).Changes;
        foreach (var change in changes)
        {
            await (change switch
            {
                PingOneUserChanged user => worker.PublishAsync(user),
                PingOneGroupChanged group => worker.PublishAsync(group),
                PingOneMembershipChanged membership => worker.PublishAsync(membership),
                _ => throw new InvalidOperationException($"The parser produced an unexpected change type {change.GetType().Name}."),
            });
        }

        return changes;
    }

    /// <summary>Publishes the changes recorded since the last call and waits until every consumer of each has consumed it without a fault.</summary>
    public async Task DeliverAsync()
    {
        foreach (var change in await PublishAsync())
        {
            switch (change)
            {
                case PingOneUserChanged user:
                    await worker.ConsumedAsync<UserChangeConsumer, Batch<PingOneUserChanged>>(
                        batch => batch.Any(message => message.Message.EventId == user.EventId), $"the user consumer applies {user.Action} of {user.UserId}");
                    break;
                case PingOneGroupChanged group:
                    await worker.ConsumedAsync<GroupChangeConsumer, PingOneGroupChanged>(
                        message => message.EventId == group.EventId, $"the group consumer applies {group.Action} of {group.GroupId}");
                    break;
                case PingOneMembershipChanged membership:
                    await worker.ConsumedAsync<UserChangeConsumer, Batch<PingOneMembershipChanged>>(
                        batch => batch.Any(message => message.Message.EventId == membership.EventId),
                        $"the user consumer sees {membership.Action} of {membership.UserId} in {membership.GroupId}");
                    await worker.ConsumedAsync<MembershipChangeConsumer, Batch<PingOneMembershipChanged>>(
                        batch => batch.Any(message => message.Message.EventId == membership.EventId),
                        $"the membership consumer applies {membership.Action} of {membership.UserId} in {membership.GroupId}");
                    break;
            }
        }
    }
}
