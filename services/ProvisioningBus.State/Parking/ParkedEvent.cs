namespace ProvisioningBus.State.Parking;

/// <summary>
/// A webhook event the gateway could not turn into a change, kept with the raw JSON so an operator can see what
/// PingOne sent and replay it once the cause is fixed.
/// </summary>
/// <param name="Id">Stable per event of a delivery (<c>{DeliveryId}-{EventIndex}</c>), so a redelivered batch parks nothing twice.</param>
/// <param name="DeliveryId">The gateway's id of the webhook delivery (a hash of its body): events of one batch share it.</param>
/// <param name="EventIndex">The event's zero-based position in its batch.</param>
/// <param name="EventId">The event's <c>id</c>, when it had one.</param>
/// <param name="ActionType">The event's <c>action.type</c>, when it had one.</param>
/// <param name="Reason">Why the event could not be read, with the JSON path of the offending value.</param>
/// <param name="RawEvent">The event exactly as PingOne sent it.</param>
/// <param name="ParkedAt">When it was first parked.</param>
/// <param name="ReplayedAt">When an operator replayed it; <c>null</c> while it waits.</param>
public sealed record ParkedEvent(
    string Id,
    string DeliveryId,
    int EventIndex,
    string? EventId,
    string? ActionType,
    string Reason,
    string RawEvent,
    DateTimeOffset ParkedAt,
    DateTimeOffset? ReplayedAt);
