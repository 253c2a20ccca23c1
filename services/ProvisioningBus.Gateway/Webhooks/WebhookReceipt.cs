namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>The gateway's answer to an accepted webhook batch.</summary>
public sealed record WebhookReceipt(int Received, int Published, int Ignored, int Echoes);
