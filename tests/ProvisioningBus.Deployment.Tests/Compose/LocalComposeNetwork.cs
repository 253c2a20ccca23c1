using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ProvisioningBus.Deployment.Tests.Compose;

/// <summary>
/// The compose network on this machine: each built service gets a free loopback port for its container port 8080,
/// RabbitMQ and PostgreSQL are the test's virtual host and database, and every value that names a compose host is
/// rewritten to match. A value that still names a compose host afterwards is a service this test cannot stand in for.
/// </summary>
public sealed partial class LocalComposeNetwork
{
    private const int ContainerPort = 8080;
    private readonly ComposeFile compose;
    private readonly Uri amqp;
    private readonly Uri management;
    private readonly string postgres;

    // Stands in for compose's shared "keyring" volume: one directory every service of this network reads.
    private readonly string keyRing = Directory.CreateTempSubdirectory("pb-compose-keyring-").FullName;

    public LocalComposeNetwork(ComposeFile compose, Uri amqp, Uri management, string postgres)
    {
        this.compose = compose;
        this.amqp = amqp;
        this.management = management;
        this.postgres = postgres;
        Ports = compose.Built.ToDictionary(service => service.Name, _ => FreePort(), StringComparer.Ordinal);
    }

    /// <summary>The loopback port standing for each built service's container port 8080.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; }

    public Uri BaseAddress(string service) => new($"http://127.0.0.1:{Ports[service]}/");

    /// <summary>The service's compose environment, translated to this machine, plus what its image sets (ASPNETCORE_HTTP_PORTS).</summary>
    public Dictionary<string, string?> EnvironmentOf(ComposeService service)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // The image's own ENV (infra/docker/Dockerfile): every ASP.NET host listens on the container port.
            ["ASPNETCORE_HTTP_PORTS"] = Ports[service.Name].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in service.Environment)
        {
            if (key == "OTEL_EXPORTER_OTLP_ENDPOINT")
            {
                // No collector runs here; the exporter would only log connection failures.
                continue;
            }

            environment[key] = key.EndsWith("__Port", StringComparison.Ordinal) && value == $"{ContainerPort}"
                ? Ports[service.Name].ToString(System.Globalization.CultureInfo.InvariantCulture)
                : Translate(key, value);
        }

        return environment;
    }

    private string Translate(string key, string value)
    {
        if (key == "State__KeyRingPath")
        {
            return keyRing;
        }

        if (value.StartsWith("amqp://", StringComparison.Ordinal) && new Uri(value).Host == "rabbitmq")
        {
            return amqp.ToString();
        }

        if (value.Contains("Host=postgres", StringComparison.Ordinal))
        {
            return postgres;
        }

        var translated = HostAndPort().Replace(value, match =>
        {
            var host = match.Groups["host"].Value;
            return host == "rabbitmq" && match.Groups["port"].Value == "15672" ? management.GetLeftPart(UriPartial.Authority)
                : Ports.TryGetValue(host, out var port) && match.Groups["port"].Value == $"{ContainerPort}" ? $"http://127.0.0.1:{port}"
                : match.Value;
        });
        var unresolved = compose.ServiceNames.FirstOrDefault(host => Regex.IsMatch(translated, $@"//{Regex.Escape(host)}[:/]|Host={Regex.Escape(host)};"));
        return unresolved is null
            ? translated
            : throw new InvalidOperationException($"{key}={value} names compose host '{unresolved}', which this test does not stand in for.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"http://(?<host>[a-z0-9-]+):(?<port>\d+)")]
    private static partial Regex HostAndPort();
}
