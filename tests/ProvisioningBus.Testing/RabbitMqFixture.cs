using Xunit;

using System.Net.Http.Headers;
using System.Text;
using Testcontainers.RabbitMq;

namespace ProvisioningBus.Testing;

/// <summary>
/// One broker for the whole test run; every test takes its own virtual host from it, so tests run in parallel
/// without seeing each other's exchanges and queues.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime, IDisposable
{
    private RabbitMqContainer? container;
    private HttpClient? management;

    public BrokerEndpoint Broker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var locator = new BrokerLocator(Environment.GetEnvironmentVariable, StartContainerAsync);
        Broker = await locator.LocateAsync(CancellationToken.None);

        var userInfo = Uri.UnescapeDataString(Broker.ManagementUri.UserInfo);
        management = new HttpClient { BaseAddress = new Uri(Broker.ManagementUri.GetLeftPart(UriPartial.Authority)) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo.Length > 0 ? userInfo : "guest:guest")));
    }

    /// <summary>Creates a fresh virtual host and returns the AMQP URI that points into it.</summary>
    public async Task<IsolatedVirtualHost> CreateVirtualHostAsync(CancellationToken cancellationToken = default)
    {
        var name = $"test-{Guid.NewGuid():N}";
        var escaped = Uri.EscapeDataString(name);
        using (var created = await management!.PutAsync($"/api/vhosts/{escaped}", null, cancellationToken))
        {
            created.EnsureSuccessStatusCode();
        }

        var user = Uri.UnescapeDataString(Broker.AmqpUri.UserInfo.Split(':')[0]);
        using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        using (var granted = await management.PutAsync($"/api/permissions/{escaped}/{Uri.EscapeDataString(user)}", permissions, cancellationToken))
        {
            granted.EnsureSuccessStatusCode();
        }

        var amqp = new UriBuilder(Broker.AmqpUri) { Path = "/" + escaped }.Uri;
        return new IsolatedVirtualHost(name, amqp, management);
    }

    /// <summary>
    /// Stops the broker until the returned outage ends (see <see cref="BrokerOutage"/>): the Testcontainers broker is
    /// paused, a broker on this machine is stopped with <c>rabbitmqctl</c>.
    /// </summary>
    public async Task<BrokerOutage> StopBrokerAsync()
    {
        if (container is not null)
        {
            var paused = container;
            await paused.PauseAsync();
            return BrokerOutage.Paused(() => paused.UnpauseAsync());
        }

        if (!BrokerOutage.CanStopLocally(Broker.AmqpUri))
        {
            throw new InvalidOperationException(
                $"The broker at {Broker.AmqpUri.Host} ({Broker.Source}) is neither a Testcontainers broker nor one this machine can stop with rabbitmqctl.");
        }

        return await BrokerOutage.BeginLocalAsync();
    }

    public void Dispose() => management?.Dispose();

    public async Task DisposeAsync()
    {
        Dispose();
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }

    private async Task<BrokerEndpoint?> StartContainerAsync(CancellationToken cancellationToken)
    {
        // Build() throws DockerUnavailableException when no engine answers; the locator turns that into advice.
        container = new RabbitMqBuilder("rabbitmq:3.13-management").WithPortBinding(15672, true).Build();
        await container.StartAsync(cancellationToken);
        var amqp = new Uri(container.GetConnectionString());
        var managementUri = new UriBuilder("http", container.Hostname, container.GetMappedPublicPort(15672))
        {
            UserName = Uri.UnescapeDataString(amqp.UserInfo.Split(':')[0]),
            Password = Uri.UnescapeDataString(amqp.UserInfo.Split(':')[1]),
        }.Uri;
        return new BrokerEndpoint(amqp, managementUri, "Testcontainers");
    }
}
