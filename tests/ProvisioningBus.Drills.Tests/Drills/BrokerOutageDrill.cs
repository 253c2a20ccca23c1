using ProvisioningBus.Drills.Tests.Infrastructure;

namespace ProvisioningBus.Drills.Tests.Drills;

[Collection(BrokerOutageCollection.Name)]
public sealed class BrokerOutageDrill(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_broker_restart_mid_stream_loses_no_change_and_applies_each_once()
    {
        await using var drill = await OutboundDrill.StartAsync(broker);
        await drill.StartWorkerAsync();

        // First half of the stream: 700 creations, cut while the worker is still applying them.
        var early = drill.CreateUsers("early", 700);
        await Eventually.MatchesAsync(() => drill.Docusign.State.Users.Count, count => count > 100, TimeSpan.FromSeconds(60), "the worker is applying the first half");
        var attemptsBefore = drill.PingOne.DeliveryAttempts(drill.SubscriptionId).Count;
        await using var outage = await broker.StopBrokerAsync();

        // During the outage PingOne keeps delivering: updates of the first half and 500 creations.
        foreach (var user in early.Where((_, i) => i % 2 == 0))
        {
            drill.PingOne.State.UpdateUser(user.Id, new global::PingOne.Emulator.Directory.EmulatedUserChanges { Title = "Moved during the outage" });
        }

        drill.CreateUsers("late", 500);
        var refused = await Eventually.MatchesAsync(
            () => drill.PingOne.DeliveryAttempts(drill.SubscriptionId).Skip(attemptsBefore).Where(attempt => !attempt.Accepted).ToList(),
            failed => failed.Count >= 2,
            TimeSpan.FromSeconds(30),
            "the gateway refuses batches it cannot confirm on the broker");

        await outage.EndAsync();

        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(90), "after the restart every change is applied");
        Assert.Equal(1200, drill.PingOne.State.Users().Count);
        Assert.All(refused, attempt => Assert.NotEqual(200, attempt.StatusCode));
    }

    [Fact]
    public async Task While_the_broker_is_stopped_the_gateway_answers_503_promptly()
    {
        await using var drill = await OutboundDrill.StartAsync(broker);
        await drill.StartWorkerAsync();
        var user = drill.CreateUsers("prompt", 1)[0];
        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(30), "the broker works before the outage");
        await using var outage = await broker.StopBrokerAsync();
        using var client = drill.CreateWebhookClient(drill.WebhookSecret);
        // A hanging request (the bug this guards against) ends in the client's timeout, not in an answer.
        client.Timeout = TimeSpan.FromSeconds(45);
        var batch = ActivityEvents.Array(ActivityEvents.UserEvent("USER.UPDATED", drill.PingOne.EnvironmentId, user.Id, user.Username));

        using var answer = await client.PostAsync("/webhooks/pingone", new StringContent(batch, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        await outage.EndAsync();
        drill.PingOne.State.UpdateUser(user.Id, new global::PingOne.Emulator.Directory.EmulatedUserChanges { Title = "After the restart" });
        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(60), "the gateway and the worker reconnect after the restart");
    }

    [Fact]
    public async Task The_gateway_is_not_ready_while_the_broker_is_stopped_and_ready_again_after()
    {
        await using var drill = await OutboundDrill.StartAsync(broker);
        using var client = drill.CreateWebhookClient(secret: null);
        var ready = new Uri("/health/ready", UriKind.Relative);
        await Eventually.MatchesAsync(() => StatusOfAsync(client, ready), status => status == 200, TimeSpan.FromSeconds(30), "the gateway is ready before the outage");

        await using (var outage = await broker.StopBrokerAsync())
        {
            await Eventually.MatchesAsync(() => StatusOfAsync(client, ready), status => status == 503, TimeSpan.FromSeconds(30), "readiness fails while the broker is down");
            Assert.Equal(200, await StatusOfAsync(client, new Uri("/health/live", UriKind.Relative)));
        }

        await Eventually.MatchesAsync(() => StatusOfAsync(client, ready), status => status == 200, TimeSpan.FromSeconds(60), "the gateway reconnects and is ready again");
    }

    private static async Task<int> StatusOfAsync(HttpClient client, Uri path)
    {
        using var response = await client.GetAsync(path);
        return (int)response.StatusCode;
    }
}
