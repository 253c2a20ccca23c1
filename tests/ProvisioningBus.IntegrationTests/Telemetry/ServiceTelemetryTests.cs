using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PingOne.Emulator.Directory;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.IntegrationTests.Telemetry;

/// <summary>
/// The gateway and a users-only worker, each with its own OpenTelemetry SDK (they are separate hosts), export to
/// memory. Listeners are process-wide, so each SDK also sees the other host's spans here; what this proves is each
/// host's resource, the provisioning span joining the webhook's trace, and the change counted with its tags.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ServiceTelemetryTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_user_change_is_counted_and_traced_under_the_gateway_and_worker_service_names()
    {
        var gatewaySpans = new LockedCollection<Activity>();
        var workerSpans = new LockedCollection<Activity>();
        var workerMetrics = new LockedCollection<MetricSnapshot>();
        await using var scenario = await OutboundScenario.StartAsync(
            broker,
            workerRoles: WorkerRoles.Users,
            configureGateway: host => host.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(gatewaySpans)),
            configureWorker: host => host.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddInMemoryExporter(workerSpans))
                .WithMetrics(metrics => metrics.AddInMemoryExporter(workerMetrics)));

        var user = scenario.PingOne.State.CreateUser($"otel.{Guid.NewGuid():N}", $"otel-{Guid.NewGuid():N}@example.com", new EmulatedUserName("Otel", "Able"));

        var provisioning = await Eventually.MatchesAsync(
            () => workerSpans.Snapshot().FirstOrDefault(span => span.OperationName == "provisioning.user" && Tag(span, ChangeTelemetry.EntityIdTag) == user.Id),
            span => span is not null,
            TimeSpan.FromSeconds(60),
            "the worker traces the user's provisioning");
        Assert.Equal(OutboundScenario.RuleName, Tag(provisioning!, ChangeTelemetry.RuleTag));
        Assert.Equal("create", Tag(provisioning!, ChangeTelemetry.ActionTag));
        Assert.Equal(AppliedChange.Success, Tag(provisioning!, ChangeTelemetry.OutcomeTag));

        // User changes are applied in batches: the user's span continues the trace its change was published in (the
        // gateway's publish span is its parent) and links to the worker's consume span of the batch that applied it.
        var publish = await Eventually.MatchesAsync(
            () => gatewaySpans.Snapshot().FirstOrDefault(span => span.SpanId == provisioning!.ParentSpanId),
            span => span is not null,
            TimeSpan.FromSeconds(30),
            "the gateway exports the publish span the provisioning span continues");
        Assert.Equal(ActivityKind.Producer, publish!.Kind);
        var batchLink = Assert.Single(provisioning!.Links);
        var consume = await Eventually.MatchesAsync(
            () => workerSpans.Snapshot().FirstOrDefault(span => span.SpanId == batchLink.Context.SpanId),
            span => span is not null,
            TimeSpan.FromSeconds(30),
            "the batch's consume span is exported");
        Assert.Equal(ActivityKind.Consumer, consume!.Kind);
        Assert.Equal(ProvisioningBusTelemetry.MassTransitSourceName, consume.Source.Name);
        var webhook = await Eventually.MatchesAsync(
            () => gatewaySpans.Snapshot().FirstOrDefault(span =>
                span.TraceId == provisioning!.TraceId && span.Kind == ActivityKind.Server && span.DisplayName.Contains("/webhooks/pingone", StringComparison.Ordinal)),
            span => span is not null,
            TimeSpan.FromSeconds(30),
            "the gateway exports the webhook request of the same trace");
        Assert.Equal(webhook!.TraceId, publish.TraceId);

        Assert.Equal(ServiceNames.Gateway, ServiceName(scenario.Gateway.Services));
        Assert.Equal("provisioningbus-worker-users", ServiceName(scenario.Worker.Services));
        var resource = ResourceAttributes(scenario.Worker.Services);
        Assert.False(string.IsNullOrEmpty(resource["service.version"] as string));
        Assert.Contains($":{Environment.ProcessId}", resource["service.instance.id"] as string, StringComparison.Ordinal);

        Assert.True(scenario.Worker.Services.GetRequiredService<MeterProvider>().ForceFlush());
        var created = workerMetrics.Snapshot()
            .Where(metric => metric.Name == "provisioningbus.changes.applied")
            .SelectMany(metric => metric.MetricPoints)
            .Where(point => HasTags(point, ("resource", "user"), ("action", "create"), ("outcome", "success")))
            .Sum(point => point.GetSumLong());
        Assert.True(created >= 1, "provisioningbus.changes.applied{resource=user,action=create,outcome=success} counts the create");

        // The Docusign emulator answers with X-RateLimit-* headers, as Docusign does: the budget gauge reads them.
        Assert.Contains(
            workerMetrics.Snapshot().Where(metric => metric.Name == "provisioningbus.docusign.budget.hourly_remaining").SelectMany(metric => metric.MetricPoints),
            point => HasTags(point, ("connection", OutboundScenario.ConnectionName)));
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name) as string;

    private static Dictionary<string, object> ResourceAttributes(IServiceProvider services) =>
        services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(pair => pair.Key, pair => pair.Value);

    private static string? ServiceName(IServiceProvider services) => ResourceAttributes(services)["service.name"] as string;

    private static bool HasTags(MetricPoint point, params (string Key, string Value)[] wanted)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return wanted.All(pair => tags.TryGetValue(pair.Key, out var value) && Equals(value, pair.Value));
    }
}
