using System.Net;
using System.Net.Sockets;

namespace ProvisioningBus.Operations.Subscriptions;

/// <summary>
/// Why PingOne may not be able to deliver to a URL: it posts over HTTPS from the internet (pingone-api.md §1.2,
/// "valid HTTPS URL"; §1.1 "use only IPv4 addresses"), so plain http, loopback, private ranges and single-label
/// names are warned about. Judged from the URL alone: resolving names here would say nothing about PingOne's view.
/// </summary>
public static class GatewayReachability
{
    public static IReadOnlyList<string> Warnings(Uri url)
    {
        var warnings = new List<string>();
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            warnings.Add($"{url} is not HTTPS: PingOne delivers webhooks to HTTPS URLs only.");
        }

        if (!LooksPublic(url.Host))
        {
            warnings.Add($"{url.Host} does not look publicly reachable: PingOne posts from the internet.");
        }

        return warnings;
    }

    private static bool LooksPublic(string host)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
            {
                return false;
            }

            var b = address.GetAddressBytes();
            return !(b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || b[0] == 0);
        }

        return host.Contains('.', StringComparison.Ordinal)
            && !host.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
            && !host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
            && !host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
