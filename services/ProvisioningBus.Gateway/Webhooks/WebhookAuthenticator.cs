using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>Checks the shared-secret header of a PingOne webhook in constant time.</summary>
public sealed class WebhookAuthenticator(IOptions<WebhookOptions> options)
{
    private readonly string headerName = options.Value.HeaderName;
    private readonly byte[] expectedSecret = Encoding.UTF8.GetBytes(options.Value.Secret ?? string.Empty);

    public bool IsAuthentic(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(headerName, out var values) || values.Count != 1)
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(values[0] ?? string.Empty);
        return expectedSecret.Length > 0 && CryptographicOperations.FixedTimeEquals(presented, expectedSecret);
    }
}
