using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.IntegrationTests.Telemetry;

[Collection(RabbitMqCollection.Name)]
public sealed class OneTracePerChangeTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_PingOne_change_is_one_trace_from_the_webhook_through_RabbitMQ_to_the_Docusign_write()
    {
        var spans = new LockedCollection<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(ProvisioningBusTelemetry.SourceName, ProvisioningBusTelemetry.MassTransitSourceName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddInMemoryExporter(spans)
            .Build();
        await using var scenario = await OutboundScenario.StartAsync(broker);
        var email = $"trace-{Guid.NewGuid():N}@example.com";

        scenario.PingOne.State.CreateUser($"trace.{Guid.NewGuid():N}", email, new EmulatedUserName("Trace", "Able"));

        // The tracer sees every test of this process: only a create sent to this scenario's emulator is ours.
        var account = scenario.Docusign.BaseUri.GetLeftPart(UriPartial.Authority);
        var create = await Eventually.MatchesAsync(
            () => spans.Snapshot().FirstOrDefault(span => IsDocusignCreate(span) && span.Kind == ActivityKind.Client && Url(span).StartsWith(account, StringComparison.Ordinal)),
            span => span is not null,
            TimeSpan.FromSeconds(60),
            "the Docusign create is traced");

        // A span is exported when it ends, and the consume span ends only after the write: wait for the whole chain.
        List<Activity> chain;
        try
        {
            chain = await Eventually.MatchesAsync(
                () => AncestorsOf(create!, [.. spans.Snapshot().Where(span => span.TraceId == create!.TraceId)]),
                ancestors => ancestors.Any(span => span.Kind == ActivityKind.Server && span.DisplayName.Contains("/webhooks/pingone", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(30),
                "the Docusign write's ancestors reach the webhook request");
        }
        catch (TimeoutException broken)
        {
            throw new TimeoutException($"{broken.Message}; the spans of its trace: {Describe(spans.Snapshot().Where(span => span.TraceId == create!.TraceId))}", broken);
        }

        var trace = spans.Snapshot().Where(span => span.TraceId == create!.TraceId).ToList();
        Assert.Contains(chain, span => span.Kind == ActivityKind.Server && span.DisplayName.Contains("/webhooks/pingone", StringComparison.Ordinal));
        Assert.Contains(chain, span => span.Source.Name == ProvisioningBusTelemetry.MassTransitSourceName && span.Kind == ActivityKind.Producer);
        // User changes are applied in batches: the change's span continues the publish and links to the batch's consume span.
        var provisioning = Assert.Single(chain, span => span.OperationName == "provisioning.user");
        var consumeLinks = provisioning.Links.Select(link => link.Context.SpanId).ToHashSet();
        Assert.Contains(spans.Snapshot(), span => consumeLinks.Contains(span.SpanId) && span.Source.Name == ProvisioningBusTelemetry.MassTransitSourceName && span.Kind == ActivityKind.Consumer);
        Assert.Contains(trace, span => span.Kind == ActivityKind.Client && Url(span).Contains("/users/", StringComparison.Ordinal) && Url(span).Contains("/v1/environments/", StringComparison.Ordinal));
    }

    private static bool IsDocusignCreate(Activity span) =>
        span.GetTagItem("http.request.method") as string == "POST" && Url(span).EndsWith("/users", StringComparison.Ordinal) && Url(span).Contains("/restapi/", StringComparison.Ordinal);

    private static string Describe(IEnumerable<Activity> trace) =>
        string.Join("; ", trace.Select(span => $"{span.Source.Name}/{span.DisplayName} {span.Kind} {span.SpanId} ← {span.ParentSpanId}"));

    private static string Url(Activity span) => span.GetTagItem("url.full") as string ?? span.GetTagItem("url.path") as string ?? string.Empty;

    /// <summary>The span and its parents up to the root, as recorded (a missing parent ends the walk).</summary>
    private static List<Activity> AncestorsOf(Activity span, IReadOnlyCollection<Activity> trace)
    {
        var chain = new List<Activity> { span };
        var current = span;
        while (current.ParentSpanId != default && trace.FirstOrDefault(candidate => candidate.SpanId == current.ParentSpanId) is { } parent)
        {
            chain.Add(parent);
            current = parent;
        }

        return chain;
    }
}
