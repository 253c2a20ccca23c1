using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProvisioningBus.Outbound.Tests.Infrastructure;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Outbound.Tests.Telemetry;

/// <summary>
/// README Observability, for groups and memberships: a group renamed and two members added in PingOne, through the
/// gateway and RabbitMQ to the worker, are counted in <c>provisioningbus.changes.applied</c> and traced as
/// <c>provisioning.group</c> and <c>provisioning.memberships</c>; the gateway counts every event it was delivered.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class GroupTelemetryTests(RabbitMqFixture broker)
{
    private const string Changes = "provisioningbus.changes.applied";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly LockedCollection<Activity> workerSpans = new();
    private readonly ExportedMetrics workerMetrics = new();
    private readonly ExportedMetrics gatewayMetrics = new();

    [Fact]
    public async Task A_renamed_group_and_its_added_members_are_counted_and_traced_and_the_gateway_counts_each_event_it_published()
    {
        string groupId = "";
        await using var scenario = await DeployedGroupScenario.StartAsync(
            broker,
            (pingOne, _) =>
            {
                groupId = pingOne.State.CreateGroup("Telemetry Reviewers").Id;
                return [groupId];
            },
            configureGateway: host => host.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddInMemoryExporter(gatewayMetrics.Snapshots)),
            configureWorker: host => host.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddInMemoryExporter(workerSpans))
                .WithMetrics(metrics => metrics.AddInMemoryExporter(workerMetrics.Snapshots)));
        var docusignGroup = await scenario.DocusignGroupAsync("Telemetry Reviewers", "the start-up resync creates the pushed group");
        await scenario.WaitForStartupResyncAsync();
        var users = await scenario.ProvisionUsersAsync(["tess", "theo"]);

        // The resync created the group, so its GROUP.CREATED event changes nothing; the rename is the change counted.
        scenario.PingOne.State.RenameGroup(groupId, "Telemetry Approvers");
        await scenario.DocusignGroupAsync("Telemetry Approvers", "the rename reaches Docusign");
        var renamed = await SpanAsync("provisioning.group", groupId, span => Tag(span, ChangeTelemetry.ActionTag) == "update", "the rename is traced");
        Assert.Equal(DeployedGroupScenario.RuleName, Tag(renamed, ChangeTelemetry.RuleTag));
        Assert.Equal(AppliedChange.Success, Tag(renamed, ChangeTelemetry.OutcomeTag));
        Assert.Equal(1, await CountAsync(workerMetrics, scenario.Worker.Services, 1, ("resource", "group"), ("action", "update"), ("outcome", "success")));

        foreach (var user in users)
        {
            scenario.PingOne.State.AddMember(user.PingOneUserId, groupId);
        }

        Assert.Equal(2, await CountAsync(workerMetrics, scenario.Worker.Services, 2, ("resource", "membership"), ("action", "add"), ("outcome", "success")));
        Assert.Equal([.. users.Select(user => user.DocusignUserId).Order(StringComparer.Ordinal)], scenario.DocusignMembers(docusignGroup.GroupId));
        var memberships = await SpanAsync("provisioning.memberships", groupId, _ => true, "the member adds are traced under the group");
        Assert.Equal(DeployedGroupScenario.RuleName, Tag(memberships, ChangeTelemetry.RuleTag));
        Assert.Equal(AppliedChange.Success, Tag(memberships, ChangeTelemetry.OutcomeTag));
        Assert.Null(Tag(memberships, ChangeTelemetry.ActionTag));
        Assert.Equal(0, workerMetrics.Sum(Changes, ("resource", "group"), ("outcome", "failed")) + workerMetrics.Sum(Changes, ("resource", "membership"), ("outcome", "failed")));

        // Group created, two users created, group renamed, two members added: at least six events, each published.
        await scenario.PingOne.WaitForDeliveryAsync(Timeout);
        Assert.True(scenario.Gateway.Services.GetRequiredService<MeterProvider>().ForceFlush());
        const string Events = "provisioningbus.webhook.events";
        var published = gatewayMetrics.Sum(Events, ("disposition", "published"));
        Assert.InRange(published, 6, long.MaxValue);
        Assert.Equal(scenario.PingOne.DeliveredEventCount, published + gatewayMetrics.Sum(Events, ("disposition", "echo")) + gatewayMetrics.Sum(Events, ("disposition", "ignored")));

        // The Docusign emulator answers with X-BurstLimit-* headers, as Docusign does: the gauge reads what is left.
        var burst = Assert.Single(workerMetrics.Points("provisioningbus.docusign.budget.burst_remaining", ("connection", DeployedGroupScenario.ConnectionName)));
        Assert.InRange(burst.GetGaugeLastValueLong(), 0, scenario.Docusign.Options.BurstLimit - 1);
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name) as string;

    /// <summary>Flushes the worker's metrics until the counter reaches <paramref name="expected"/> (a change is counted after Docusign answers).</summary>
    private static Task<long> CountAsync(ExportedMetrics metrics, IServiceProvider worker, long expected, params (string Key, string Value)[] tags) =>
        Eventually.MatchesAsync(
            () =>
            {
                Assert.True(worker.GetRequiredService<MeterProvider>().ForceFlush());
                return metrics.Sum(Changes, tags);
            },
            count => count >= expected,
            Timeout,
            $"{Changes}{{{string.Join(",", tags.Select(tag => $"{tag.Key}={tag.Value}"))}}} reaches {expected}");

    private async Task<Activity> SpanAsync(string name, string entityId, Func<Activity, bool> match, string because)
    {
        var span = await Eventually.MatchesAsync(
            () => workerSpans.Snapshot().FirstOrDefault(span => span.OperationName == name && Tag(span, ChangeTelemetry.EntityIdTag) == entityId && match(span)),
            span => span is not null,
            Timeout,
            because);
        return span!;
    }
}
