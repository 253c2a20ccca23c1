using ProvisioningBus.PingOne.Webhooks;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>Logs and counts what became of a confirmed batch's events, so no event disappears without a trace.</summary>
public static class WebhookEventCounts
{
    public static void Record(ILogger logger, string deliveryId, int published, IReadOnlyList<IgnoredEvent> ignored, IReadOnlyList<MalformedActivity> parked)
    {
        ProvisioningBusMetrics.WebhookEvents.Add(published, Tag("disposition", "published"));
        var echoes = ignored.Count(ignoredEvent => ignoredEvent.Reason == WebhookTriage.Echo);
        ProvisioningBusMetrics.WebhookEvents.Add(echoes, Tag("disposition", "echo"));
        ProvisioningBusMetrics.WebhookEvents.Add(ignored.Count - echoes, Tag("disposition", "ignored"));
        ProvisioningBusMetrics.WebhookEvents.Add(parked.Count, Tag("disposition", "parked"));
        foreach (var ignoredEvent in ignored)
        {
            ProvisioningBusMetrics.WebhookIgnored.Add(1, Tag("reason", ignoredEvent.Reason));
            logger.LogDebug(
                "Ignored PingOne event {EventId} ({ActionType}, {EntityId}) as {IgnoreReason}: {Detail}",
                ignoredEvent.EventId, ignoredEvent.ActionType, ignoredEvent.EntityId, ignoredEvent.Reason, ignoredEvent.Detail);
        }

        foreach (var malformed in parked)
        {
            // A warning, not debug: a parked event is a change that will not happen until an operator replays it.
            logger.LogWarning(
                "Parked malformed PingOne event {EventId} ({ActionType}) at index {Index} of delivery {DeliveryId}: {Reason}",
                malformed.EventId, malformed.ActionType, malformed.Index, deliveryId, malformed.Reason);
        }
    }

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
