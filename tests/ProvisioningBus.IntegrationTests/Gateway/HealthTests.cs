using System.Net;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Gateway;

[Collection(RabbitMqCollection.Name)]
public sealed class HealthTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Live_and_ready_answer_healthy_when_the_broker_and_the_store_are_reachable()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, new Dictionary<string, string?>
        {
            ["State:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"provisioningbus-health-{Guid.NewGuid():N}.db")}",
        });
        using var client = gateway.CreateClient(authenticated: false);

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await Eventually.MatchesAsync(
            () => client.GetAsync(new Uri("/health/ready", UriKind.Relative)),
            response => response.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "the gateway reports ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_turns_unhealthy_when_the_store_goes_away()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, new Dictionary<string, string?>
        {
            ["State:Provider"] = "Postgres",
            ["State:ConnectionString"] = database.ConnectionString,
        });
        using var client = gateway.CreateClient(authenticated: false);
        await Eventually.MatchesAsync(
            () => client.GetAsync(new Uri("/health/ready", UriKind.Relative)),
            response => response.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "the gateway reports ready first");

        await database.DisposeAsync();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task A_store_that_stays_unreachable_fails_start_up_naming_the_key_to_check()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningGateway.StartAsync(vhost.AmqpUri, new Dictionary<string, string?>
        {
            ["State:Provider"] = "Postgres",
            // Port 9 (discard) on loopback: nothing listens, so every connection attempt is refused at once.
            ["State:ConnectionString"] = "Host=127.0.0.1;Port=9;Username=nobody;Password=not-a-real-password;Database=none;Timeout=2",
            ["State:StartupTimeout"] = "00:00:03",
        }));

        Assert.Contains("State:ConnectionString", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-password", failure.Message, StringComparison.Ordinal);
    }
}
