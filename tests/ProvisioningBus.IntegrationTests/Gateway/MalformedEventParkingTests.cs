using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.Operations;

namespace ProvisioningBus.IntegrationTests.Gateway;

[Collection(RabbitMqCollection.Name)]
public sealed class MalformedEventParkingTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_batch_with_one_malformed_event_is_200_the_valid_events_are_published_and_the_bad_one_is_parked_and_replayable()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var recorder = await RecordingBus.StartAsync(vhost.AmqpUri);
        var metrics = new ExportedMetrics();
        var settings = IsolatedStore(vhost.AmqpUri);
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, settings,
            host => host.Services.AddOpenTelemetry().WithMetrics(meter => meter.AddInMemoryExporter(metrics.Snapshots)));
        using var client = gateway.CreateClient();

        var malformed = ActivityEvents.UserEvent("USER.CREATED", "env-1", "parked-user", "parked").Replace("\"environment\":{\"id\":\"env-1\"},", "", StringComparison.Ordinal)
            .Replace("/environments/env-1", "", StringComparison.Ordinal);
        var body = ActivityEvents.Array(
            ActivityEvents.UserEvent("USER.CREATED", "env-1", "first-user", "first"), malformed, ActivityEvents.UserEvent("USER.CREATED", "env-1", "third-user", "third"));
        using var response = await client.PostAsync(gateway.WebhookUri, new StringContent(body, Encoding.UTF8, "application/json"));
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, receipt.GetProperty("published").GetInt32());
        Assert.Equal(1, receipt.GetProperty("parked").GetInt32());
        await Eventually.MatchesAsync(() => recorder.Users.Messages.Count, count => count >= 2, Timeout, "both valid events reach the queue");
        Assert.Equal(["first-user", "third-user"], recorder.Users.Messages.Select(user => user.UserId).Order(StringComparer.Ordinal));
        Assert.True(gateway.Services.GetRequiredService<MeterProvider>().ForceFlush());
        Assert.Equal(1, metrics.Sum("provisioningbus.webhook.events", ("disposition", "parked")));

        // PingOne redelivers a batch it got no 200 for: the same delivery parks nothing twice.
        using var again = await client.PostAsync(gateway.WebhookUri, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var admin = gateway.CreateAdminClient();
        var status = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative));
        Assert.Equal(1, status.GetProperty("parkedEvents").GetInt64());

        var listed = await CliAsync(settings, "errors", "parked", "--json");
        var parked = Assert.Single(JsonDocument.Parse(listed.Output).RootElement.EnumerateArray());
        var id = parked.GetProperty("id").GetString()!;
        Assert.Equal(receipt.GetProperty("deliveryId").GetString(), parked.GetProperty("deliveryId").GetString());
        Assert.Equal(1, parked.GetProperty("eventIndex").GetInt32());
        Assert.Equal(malformed.Trim(), parked.GetProperty("rawEvent").GetString());
        Assert.Contains("environment", parked.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var stillBad = await CliAsync(settings, "errors", "replay-parked", id);
        Assert.Equal(ExitCodes.InvalidConfiguration, stillBad.ExitCode);
        Assert.Contains("still malformed", stillBad.Error, StringComparison.Ordinal);

        var corrected = Path.Combine(Path.GetTempPath(), $"corrected-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(corrected, ActivityEvents.UserEvent("USER.CREATED", "env-1", "parked-user", "parked"));
        try
        {
            var replayed = await CliAsync(settings, "errors", "replay-parked", id, "--event", corrected);
            Assert.Equal(ExitCodes.Success, replayed.ExitCode);
            Assert.Contains("published 1 change", replayed.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(corrected);
        }

        await Eventually.MatchesAsync(() => recorder.Users.Messages.Any(user => user.UserId == "parked-user"), found => found, Timeout, "the replayed change reaches the queue");
        Assert.Contains("No parked webhook events.", (await CliAsync(settings, "errors", "parked")).Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, (await CliAsync(settings, "errors", "replay-parked", "no-such-id")).ExitCode);
    }

    [Fact]
    public async Task A_batch_of_more_events_than_PingOne_sends_is_a_413_with_the_reason_and_nothing_is_published()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var recorder = await RecordingBus.StartAsync(vhost.AmqpUri);
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, IsolatedStore(vhost.AmqpUri));
        using var client = gateway.CreateClient();
        var tooMany = ActivityEvents.Array([.. Enumerable.Range(0, 501).Select(i => ActivityEvents.UserEvent("USER.UPDATED", "env-1", $"bulk-{i}", "bulk"))]);

        using var refused = await client.PostAsync(gateway.WebhookUri, new StringContent(tooMany, Encoding.UTF8, "application/json"));
        var problem = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("501 events", problem, StringComparison.Ordinal);
        Assert.Contains("Gateway:Webhook:MaxEventsPerBatch", problem, StringComparison.Ordinal);
        // The broker keeps one publisher's messages in order, so once this later event arrives an earlier leak would have too.
        var valid = ActivityEvents.Array(ActivityEvents.UserEvent("USER.CREATED", "env-1", "after-user", "after"));
        using var accepted = await client.PostAsync(gateway.WebhookUri, new StringContent(valid, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await Eventually.MatchesAsync(() => recorder.Users.Messages.Count, count => count >= 1, Timeout, "the valid event reaches the queue");
        Assert.Equal("after-user", Assert.Single(recorder.Users.Messages).UserId);
    }

    [Fact]
    public async Task Ignored_events_are_counted_by_reason()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var recorder = await RecordingBus.StartAsync(vhost.AmqpUri);
        var metrics = new ExportedMetrics();
        var settings = IsolatedStore(vhost.AmqpUri);
        settings["Gateway:Webhook:IgnoredActorClientIds:0"] = "inbound-applier";
        settings["Gateway:Webhook:AcceptedEnvironmentIds:0"] = "env-1";
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, settings,
            host => host.Services.AddOpenTelemetry().WithMetrics(meter => meter.AddInMemoryExporter(metrics.Snapshots)));
        using var client = gateway.CreateClient();
        var body = ActivityEvents.Array(
            ActivityEvents.UserEvent("USER.UPDATED", "env-1", "echoed", "echo", actorClientId: "inbound-applier"),
            ActivityEvents.UserEvent("USER.UPDATED", "env-elsewhere", "foreign", "foreign"),
            ActivityEvents.UserEvent("USER.ACCESS_ALLOWED", "env-1", "signed-on", "sign-on"),
            ActivityEvents.UserEvent("USER.UPDATED", "env-1", "real", "real"));

        using var response = await client.PostAsync(gateway.WebhookUri, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.MatchesAsync(() => recorder.Users.Messages.Count, count => count >= 1, Timeout, "the real change reaches the queue");
        Assert.Equal("real", Assert.Single(recorder.Users.Messages).UserId);
        Assert.True(gateway.Services.GetRequiredService<MeterProvider>().ForceFlush());
        const string Ignored = "provisioningbus.webhook.ignored";
        Assert.Equal(1, metrics.Sum(Ignored, ("reason", "foreign_environment")));
        Assert.InRange(metrics.Sum(Ignored, ("reason", "echo")), 1, long.MaxValue);
        Assert.InRange(metrics.Sum(Ignored, ("reason", "unhandled_type")), 1, long.MaxValue);
    }

    private static Dictionary<string, string?> IsolatedStore(Uri amqpUri) => new()
    {
        ["RabbitMq:Uri"] = amqpUri.ToString(),
        ["State:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"provisioningbus-parking-{Guid.NewGuid():N}.db")}",
    };

    private static async Task<(int ExitCode, string Output, string Error)> CliAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error, configuration);
        return (exit, output.ToString(), error.ToString());
    }
}
