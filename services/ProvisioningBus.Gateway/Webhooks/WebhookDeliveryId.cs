using System.Security.Cryptography;

namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>
/// PingOne sends no delivery id, so the gateway derives one from the body: a redelivery of the same batch (PingOne
/// retries until it gets 200) gets the same id, and parking its malformed events again changes nothing.
/// </summary>
public static class WebhookDeliveryId
{
    public static string Of(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body))[..16];
}
