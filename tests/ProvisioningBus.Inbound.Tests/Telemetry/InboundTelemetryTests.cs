using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Inbound.Tests.Telemetry;

/// <summary>
/// README Observability, inbound: the initial snapshot of a rule that takes active engineers is measured
/// (<c>provisioningbus.inbound.snapshot.size</c>, <c>provisioningbus.inbound.diff.entries{kind}</c>), and each
/// Docusign-only user it decides on (created in PingOne, or skipped when inactive) is counted in
/// <c>provisioningbus.changes.applied</c> and traced as <c>provisioning.inbound_user</c>.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class InboundTelemetryTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_initial_snapshot_is_measured_and_each_Docusign_user_it_decides_on_is_counted_and_traced()
    {
        // Providers of the test's own, built before the worker starts, so the poller's first run cannot precede them.
        var metrics = new ExportedMetrics();
        var spans = new LockedCollection<Activity>();
        using var meterProvider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(ProvisioningBusTelemetry.SourceName)
            .AddInMemoryExporter(metrics.Snapshots)
            .Build();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(ProvisioningBusTelemetry.SourceName)
            .AddInMemoryExporter(spans)
            .Build();
        await using var scenario = await InboundScenario.StartAsync(broker);
        EmulatedUserView[] engineers =
        [
            scenario.SeedDocusignUser("Tara", "Meter"),
            scenario.SeedDocusignUser("Tom", "Meter"),
            scenario.SeedDocusignUser("Tia", "Meter"),
        ];
        scenario.SeedDocusignUser("Sam", "Meter", jobTitle: "Sales");
        var invited = scenario.SeedDocusignUser("Pat", "Meter", status: "ActivationSent");

        var worker = await scenario.StartWorkerAsync(new Dictionary<string, string?>
        {
            ["SyncOnlyActiveUsers"] = "true",
            ["UserFilter:Conditions:0:Attribute"] = "jobTitle",
            ["UserFilter:Conditions:0:Value"] = "Engineer",
        });
        await scenario.WaitForPingOneAsync(users => users.Count == engineers.Length, "the three active engineers are created in PingOne");
        await Eventually.MatchesAsync(worker.RunsAsync, runs => runs is [{ CompletedAt: not null }], Timeout, "the initial sync completes");

        const string Changes = "provisioningbus.changes.applied";
        await Eventually.MatchesAsync(
            () =>
            {
                Assert.True(meterProvider.ForceFlush());
                return metrics.Sum(Changes, ("resource", "inbound_user"));
            },
            count => count >= engineers.Length + 1,
            Timeout,
            "provisioningbus.changes.applied{resource=inbound_user} counts the three creates and the invited engineer's skip");
        Assert.Equal(engineers.Length, metrics.Sum(Changes, ("resource", "inbound_user"), ("action", "create"), ("outcome", "success")));
        Assert.Equal(1, metrics.Sum(Changes, ("resource", "inbound_user"), ("action", AppliedChange.Skip), ("outcome", AppliedChange.Skipped)));
        Assert.Equal(engineers.Length + 1, metrics.Sum(Changes, ("resource", "inbound_user")));

        // One run, of the users the rule's filter takes: the salesman is left out of the snapshot; the invited
        // engineer is in it (Sync Only Active Users is the consumer's decision, so it appears and is skipped there).
        var size = Assert.Single(metrics.Points("provisioningbus.inbound.snapshot.size"));
        Assert.Equal(1, size.GetHistogramCount());
        Assert.Equal((double)engineers.Length + 1, size.GetHistogramSum());
        const string Diff = "provisioningbus.inbound.diff.entries";
        Assert.Equal(engineers.Length + 1, metrics.Sum(Diff, ("kind", "appeared")));
        Assert.Equal(0, metrics.Sum(Diff, ("kind", "changed")));
        Assert.Equal(0, metrics.Sum(Diff, ("kind", "disappeared")));

        // A change is counted inside its span, which is exported when it ends, a moment later.
        string[] decided = [.. engineers.Select(engineer => engineer.UserId), invited.UserId];
        var traced = await Eventually.MatchesAsync(
            () => spans.Snapshot().Where(span => span.OperationName == "provisioning.inbound_user").ToDictionary(span => Tag(span, ChangeTelemetry.EntityIdTag) ?? ""),
            found => decided.All(found.ContainsKey),
            Timeout,
            "each decided user's provisioning.inbound_user span is exported");
        Assert.Equal(decided.Length, traced.Count);
        foreach (var engineer in engineers)
        {
            var span = traced[engineer.UserId];
            Assert.Equal(InboundScenario.RuleName, Tag(span, ChangeTelemetry.RuleTag));
            Assert.Equal(("create", AppliedChange.Success), (Tag(span, ChangeTelemetry.ActionTag), Tag(span, ChangeTelemetry.OutcomeTag)));
        }

        Assert.Equal((AppliedChange.Skip, AppliedChange.Skipped), (Tag(traced[invited.UserId], ChangeTelemetry.ActionTag), Tag(traced[invited.UserId], ChangeTelemetry.OutcomeTag)));
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name) as string;
}
