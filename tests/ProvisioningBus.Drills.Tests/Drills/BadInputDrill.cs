using System.Net;
using System.Text;
using Docusign.Emulator;
using ProvisioningBus.Operations;
using ProvisioningBus.Drills.Tests.Infrastructure;

namespace ProvisioningBus.Drills.Tests.Drills;

[Collection(DrillsCollection.Name)]
public sealed class BadInputDrill(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Each_bad_input_gets_its_documented_answer_and_the_valid_changes_beside_it_still_arrive()
    {
        await using var drill = await OutboundDrill.StartAsync(broker, gatewaySettings: new Dictionary<string, string?> { ["Gateway:Webhook:MaxBodyBytes"] = "65536" });
        await drill.StartWorkerAsync();
        using var authentic = drill.CreateWebhookClient(drill.WebhookSecret);
        using var anonymous = drill.CreateWebhookClient(null);
        using var impostor = drill.CreateWebhookClient("not-the-webhook-secret-at-all");
        var env = drill.PingOne.EnvironmentId;

        // The PingOne subscription keeps streaming valid changes while the bad requests come in.
        var streamed = new List<string>();
        Task<HttpStatusCode> Bad(HttpClient client, string body, string contentType)
        {
            streamed.AddRange(drill.CreateUsers($"stream{streamed.Count}-", 10).Select(user => user.Id));
            return PostAsync(client, body, contentType);
        }

        var handMade = drill.CreateUsers("handmade", 2);
        var valid = ActivityEvents.UserEvent("USER.UPDATED", env, handMade[0].Id, handMade[0].Username);
        var alsoValid = ActivityEvents.UserEvent("USER.UPDATED", env, handMade[1].Id, handMade[1].Username);

        Assert.Equal(HttpStatusCode.BadRequest, await Bad(authentic, "[{\"id\":\"broken\",", "application/json"));
        // One malformed event no longer fails its batch (issue 13): the valid one is published, the bad one parked.
        Assert.Equal(HttpStatusCode.OK, await Bad(authentic, ActivityEvents.Array(valid, """{"id":"no-action","recordedAt":"2026-01-01T00:00:00Z"}"""), "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await Bad(authentic, ActivityEvents.Array(valid), "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await Bad(authentic, ActivityEvents.Array([.. Enumerable.Repeat(valid, 200)]), "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Bad(anonymous, ActivityEvents.Array(valid), "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Bad(impostor, ActivityEvents.Array(valid), "application/json"));

        // Accepted batches that carry something we do not act on: an unknown action type, an environment no rule uses.
        var strangerId = Guid.NewGuid().ToString();
        var unknownAction = ActivityEvents.UserEvent("USER.ACCESS_ALLOWED", env, handMade[0].Id, handMade[0].Username);
        var unknownRule = ActivityEvents.UserEvent("USER.CREATED", "99999999-0000-4000-8000-00000000beef", strangerId, "stranger");
        using (var mixed = await SendAsync(authentic, ActivityEvents.Array(unknownAction, valid, unknownRule, alsoValid), "application/json"))
        {
            Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
            var receipt = await mixed.Content.ReadAsStringAsync();
            Assert.Contains("\"ignored\":1", receipt, StringComparison.Ordinal);
            Assert.Contains("\"published\":3", receipt, StringComparison.Ordinal);
        }

        await drill.AssertConvergedAsync(Timeout, "every valid change arrives despite the bad requests around it");
        Assert.Equal(62, drill.PingOne.State.Users().Count);
        Assert.DoesNotContain(drill.Docusign.State.Users, user => user.UserName == "stranger");
    }

    [Fact]
    public async Task A_poison_change_ends_in_the_error_queue_and_the_cli_replays_it_once_the_cause_is_fixed()
    {
        await using var drill = await OutboundDrill.StartAsync(broker);
        // A PingOne outage waits out the redelivery ceiling before its changes are dead-lettered: a short one here.
        drill.Settings["Resilience:Redelivery:Ceiling"] = "00:00:03";
        await drill.StartWorkerAsync(services =>
            // PingOne's standard resilience waits 2 s, 4 s, 8 s between its three retries; the drill keeps the same count, shorter.
            services.PostConfigureAll<Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions>(options => options.Retry.Delay = TimeSpan.FromMilliseconds(20)));
        using var admin = new BrokerAdmin(broker);
        var healthy = drill.CreateUsers("healthy", 5);
        await drill.AssertConvergedAsync(Timeout, "the healthy users arrive");
        await drill.PingOne.WaitForDeliveryAsync(Timeout);

        // Every PingOne read fails from now on: longer than the client's retries and the redelivery ceiling together.
        drill.PingOne.FailNextApiRequests(100_000, 500);
        var poison = drill.CreateUsers("poison", 1)[0];
        await Eventually.MatchesAsync(
            () => admin.QueueAsync(drill.VirtualHost.Name, "user-changes_error"),
            // At least the poison; a late PingOne redelivery of a healthy batch that met the same fault may join it.
            depth => depth is { Total: >= 1 },
            Timeout,
            "the change that always fails ends in user-changes_error");
        Assert.Empty(drill.Docusign.State.FindUsersByEmail(poison.Email!));

        drill.PingOne.FailNextApiRequests(0, 500);
        var afterFix = drill.CreateUsers("after-fix", 3);
        await Eventually.MatchesAsync(
            () => afterFix.All(user => drill.Docusign.State.FindUsersByEmail(user.Email!).Count == 1),
            arrived => arrived,
            Timeout,
            "changes made after the fix flow while the poison waits in _error");
        Assert.Empty(drill.Docusign.State.FindUsersByEmail(poison.Email!));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(drill.Settings)
        {
            ["RabbitMq:ManagementUri"] = broker.Broker.ManagementUri.GetLeftPart(UriPartial.Authority),
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(["errors", "replay", "user-changes"], output, error, configuration);

        Assert.True(exit == ExitCodes.Success, $"replay failed: {error}");
        Assert.StartsWith("Replayed ", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Replayed 0 ", output.ToString(), StringComparison.Ordinal);
        await drill.AssertConvergedAsync(Timeout, "the replayed poison change is applied once");
        Assert.Equal(9, drill.PingOne.State.Users().Count);
        Assert.Single(drill.Docusign.State.FindUsersByEmail(healthy[0].Email!));
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string body, string contentType)
    {
        using var response = await SendAsync(client, body, contentType);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string body, string contentType) =>
        client.PostAsync("/webhooks/pingone", new StringContent(body, Encoding.UTF8, contentType));
}
