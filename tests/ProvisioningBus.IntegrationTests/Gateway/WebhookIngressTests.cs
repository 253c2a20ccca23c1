using System.Net;
using System.Text;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Gateway;

[Collection(RabbitMqCollection.Name)]
public sealed class WebhookIngressTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_malformed_body_is_a_400_with_the_reason_and_nothing_is_published()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var recorder = await RecordingBus.StartAsync(vhost.AmqpUri);
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri);
        using var client = gateway.CreateClient();

        // A valid first event followed by garbage: a parser that published as it went would leak the first one.
        var malformed = "[" + ActivityEvents.UserEvent("USER.CREATED", "env-1", "leaked-user", "leaked") + ", {\"id\": ";
        using var rejected = await client.PostAsync(gateway.WebhookUri, new StringContent(malformed, Encoding.UTF8, "application/json"));
        var problem = await rejected.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("Malformed webhook body", problem, StringComparison.Ordinal);

        // The broker keeps one publisher's messages in order, so once this later event arrives an earlier leak would have too.
        var valid = ActivityEvents.Array(ActivityEvents.UserEvent("USER.CREATED", "env-1", "valid-user", "valid"));
        using var accepted = await client.PostAsync(gateway.WebhookUri, new StringContent(valid, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        await Eventually.MatchesAsync(() => recorder.Users.Messages.Count, count => count >= 1, Timeout, "the valid event reaches the queue");
        var only = Assert.Single(recorder.Users.Messages);
        Assert.Equal("valid-user", only.UserId);
    }

    [Fact]
    public async Task A_missing_or_wrong_secret_is_a_401()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri);
        using var anonymous = gateway.CreateClient(authenticated: false);
        var body = ActivityEvents.Array(ActivityEvents.UserEvent("USER.CREATED", "env-1", "u-1", "someone"));

        using var missing = await anonymous.PostAsync(gateway.WebhookUri, new StringContent(body, Encoding.UTF8, "application/json"));
        using var wrongRequest = new HttpRequestMessage(HttpMethod.Post, gateway.WebhookUri)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        wrongRequest.Headers.Add("X-Webhook-Secret", RunningGateway.WebhookSecret + "x");
        using var wrong = await anonymous.SendAsync(wrongRequest);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Changes_made_by_our_own_inbound_client_are_not_published()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var recorder = await RecordingBus.StartAsync(vhost.AmqpUri);
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, new Dictionary<string, string?>
        {
            ["Gateway:Webhook:IgnoredActorClientIds:0"] = "inbound-applier",
        });
        using var client = gateway.CreateClient();

        var echo = ActivityEvents.UserEvent("USER.UPDATED", "env-1", "echoed-user", "echo", actorClientId: "inbound-applier");
        var real = ActivityEvents.UserEvent("USER.UPDATED", "env-1", "real-user", "real");
        using var response = await client.PostAsync(gateway.WebhookUri, new StringContent(ActivityEvents.Array(echo, real), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.MatchesAsync(() => recorder.Users.Messages.Count, count => count >= 1, Timeout, "the real change reaches the queue");
        Assert.Equal("real-user", Assert.Single(recorder.Users.Messages).UserId);
    }

    [Fact]
    public async Task A_change_no_worker_queue_would_receive_is_answered_503_so_PingOne_redelivers_it()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri);
        using var client = gateway.CreateClient();
        var body = ActivityEvents.Array(ActivityEvents.UserEvent("USER.CREATED", "env-1", "early-user", "early"));

        using var refused = await client.PostAsync(gateway.WebhookUri, new StringContent(body, Encoding.UTF8, "application/json"));
        await using var recorder = await RecordingBus.StartAsync(vhost.AmqpUri);
        using var redelivered = await client.PostAsync(gateway.WebhookUri, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        await Eventually.MatchesAsync(() => recorder.Users.Messages.Count, count => count >= 1, Timeout, "the redelivered change reaches the queue");
        Assert.Equal("early-user", Assert.Single(recorder.Users.Messages).UserId);
    }
}
