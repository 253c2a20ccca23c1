namespace ProvisioningBus.IntegrationTests.Infrastructure;

public sealed class BrokerLocatorTests
{
    [Fact]
    public async Task Without_a_broker_uri_or_a_docker_engine_the_fixture_refuses_to_run()
    {
        var locator = new BrokerLocator(
            _ => null,
            _ => throw new InvalidOperationException("Docker is either not running or misconfigured."));

        var refusal = await Assert.ThrowsAsync<BrokerUnavailableException>(() => locator.LocateAsync(CancellationToken.None));

        Assert.Contains("infra/scripts/start-services.sh", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("RABBITMQ_URI", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_broker_named_by_RABBITMQ_URI_wins_over_starting_a_container()
    {
        var containerStarted = false;
        var locator = new BrokerLocator(
            name => name == "RABBITMQ_URI" ? "amqp://guest:guest@127.0.0.1:5672/" : null,
            _ =>
            {
                containerStarted = true;
                return Task.FromResult<BrokerEndpoint?>(null);
            });

        var broker = await locator.LocateAsync(CancellationToken.None);

        Assert.False(containerStarted);
        Assert.Equal(new Uri("http://guest:guest@127.0.0.1:15672/"), broker.ManagementUri);
    }
}
