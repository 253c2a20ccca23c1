namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>The gateway's answer to an accepted webhook batch.</summary>
/// <param name="Ignored">Events deliberately not published, our own echoes included.</param>
/// <param name="Parked">Malformed events kept in the store for an operator (<c>errors parked</c>).</param>
/// <param name="DeliveryId">The id the parked events of this batch carry.</param>
public sealed record WebhookReceipt(int Received, int Published, int Ignored, int Echoes, int Parked, string DeliveryId);
