using ProvisioningBus.PingOne.Webhooks;
using ProvisioningBus.State.Parking;

namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>
/// Parks a batch's malformed events in the state store. The store, not a queue: an operator lists, reads and replays
/// one event by id (<c>errors parked</c>, <c>errors replay-parked</c>) and the status page counts them, which a
/// queue would only allow by draining it; and the store is already durable and shared by every gateway instance.
/// </summary>
public sealed class MalformedEventParking(IParkedEventStore store, TimeProvider time)
{
    public Task ParkAsync(string deliveryId, IReadOnlyList<MalformedActivity> malformed, CancellationToken cancellationToken)
    {
        if (malformed.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        return store.ParkAsync(
            [.. malformed.Select(activity => new ParkedEvent(
                $"{deliveryId}-{activity.Index}", deliveryId, activity.Index, activity.EventId, activity.ActionType, activity.Reason, activity.RawJson, now, null))],
            cancellationToken);
    }
}
