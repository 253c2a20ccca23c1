using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.IntegrationTests.Outbound;

[Collection(RabbitMqCollection.Name)]
public sealed class ProvisioningLogTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Each_PingOne_change_is_one_log_record_with_its_trace_id_readable_from_the_admin_api()
    {
        var spans = new LockedCollection<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(ProvisioningBusTelemetry.SourceName)
            .AddInMemoryExporter(spans)
            .Build();
        await using var scenario = await OutboundScenario.StartAsync(broker);
        using var admin = scenario.Gateway.CreateAdminClient();
        var user = scenario.PingOne.State.CreateUser($"log.{Guid.NewGuid():N}", $"log-{Guid.NewGuid():N}@example.com", new EmulatedUserName("Log", "Able"), title: "Clerk");

        var created = await RecordsAsync(admin, user.Id, entries => entries.Any(e => Action(e) == "create"), "the create is logged");
        scenario.PingOne.State.UpdateUser(user.Id, new EmulatedUserChanges { Title = "Secret Agent" });
        var updated = await RecordsAsync(admin, user.Id, entries => entries.Any(e => Action(e) == "update"), "the update is logged");

        var create = Assert.Single(updated, e => Action(e) == "create");
        var update = Assert.Single(updated, e => Action(e) == "update");
        foreach (var record in new[] { create, update })
        {
            Assert.Equal(("outbound", "user", "success", OutboundScenario.RuleName), (Text(record, "direction"), Text(record, "entityType"), Text(record, "outcome"), Text(record, "rule")));
            Assert.False(string.IsNullOrEmpty(Text(record, "eventId")), "the triggering PingOne event is named");
        }

        // Each record carries the trace of its own provisioning.user span: the change's one trace from the webhook on.
        var userSpans = spans.Snapshot().Where(span => span.OperationName == "provisioning.user" && span.GetTagItem(ChangeTelemetry.EntityIdTag) as string == user.Id).ToList();
        Assert.Contains(userSpans, span => span.TraceId.ToHexString() == Text(create, "traceId") && span.GetTagItem(ChangeTelemetry.ActionTag) as string == "create");
        Assert.Contains(userSpans, span => span.TraceId.ToHexString() == Text(update, "traceId") && span.GetTagItem(ChangeTelemetry.ActionTag) as string == "update");
        Assert.NotEqual(Text(create, "traceId"), Text(update, "traceId"));

        // Names of the attributes written, never their values.
        Assert.Contains("jobTitle", update.GetProperty("changedAttributes").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain("Secret Agent", update.GetRawText(), StringComparison.Ordinal);

        var csv = await admin.GetStringAsync(new Uri($"/api/log?entity={user.Id}&outcome=success&format=csv", UriKind.Relative));
        Assert.Contains(Text(create, "traceId")!, csv, StringComparison.Ordinal);
        using var anonymous = new HttpClient { BaseAddress = scenario.Gateway.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/log", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(new Uri("/api/log?since=yesterday", UriKind.Relative))).StatusCode);
        Assert.NotEmpty(created);

        // "Last sync" counts an applied change, and the status page's chart reads the changes per minute.
        var settings = scenario.Worker.Services.GetRequiredService<IConfiguration>().AsEnumerable();
        var status = await RunningStatusReader.ReadRuleAsync(settings, OutboundScenario.RuleName);
        Assert.True(status!.LastSyncAt >= update.GetProperty("at").GetDateTimeOffset(), $"last sync {status.LastSyncAt} is the update's time or later");
        var perMinute = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/log/per-minute?since=60m", UriKind.Relative));
        Assert.True(perMinute.EnumerateArray().Where(m => m.GetProperty("outcome").GetString() == "success").Sum(m => m.GetProperty("count").GetInt32()) >= 2);
    }

    private static async Task<List<JsonElement>> RecordsAsync(HttpClient admin, string userId, Func<List<JsonElement>, bool> condition, string because) =>
        await Eventually.MatchesAsync(
            async () =>
            {
                var page = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/log?entity={userId}", UriKind.Relative));
                return page.GetProperty("entries").EnumerateArray().Select(e => e.Clone()).ToList();
            },
            condition,
            TimeSpan.FromSeconds(60),
            because);

    private static string? Action(JsonElement entry) => Text(entry, "action");

    private static string? Text(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
