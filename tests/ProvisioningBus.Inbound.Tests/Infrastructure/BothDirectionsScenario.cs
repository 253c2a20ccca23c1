using PingOne.Emulator;

namespace ProvisioningBus.Inbound.Tests.Infrastructure;

/// <summary>
/// An <see cref="InboundScenario"/> plus its other direction on the same Docusign account and PingOne environment:
/// PingOne emulator → webhook → gateway → the same virtual host → an outbound worker sharing the store → the same
/// Docusign emulator. The gateway ignores events whose actor is the worker's PingOne client, as the README asks of a
/// deployment running both directions: without it, every PingOne write of the inbound rule would come back outbound.
/// </summary>
public sealed class BothDirectionsScenario : IAsyncDisposable
{
    public const string OutboundRuleName = "pingone-staff";

    private readonly List<IAsyncDisposable> parts = [];

    private BothDirectionsScenario(InboundScenario inbound) => Inbound = inbound;

    public InboundScenario Inbound { get; }

    public RunningInboundWorker InboundWorker { get; private set; } = null!;

    public static async Task<BothDirectionsScenario> StartAsync(RabbitMqFixture broker)
    {
        var scenario = new BothDirectionsScenario(await InboundScenario.StartAsync(broker));
        try
        {
            var inbound = scenario.Inbound;
            var gateway = await RunningGateway.StartAsync(
                inbound.VirtualHost.AmqpUri,
                new Dictionary<string, string?> { ["Gateway:Webhook:IgnoredActorClientIds:0"] = inbound.PingOne.ClientId });
            scenario.parts.Add(gateway);
            inbound.PingOne.AddSubscription(new EmulatedSubscriptionOptions
            {
                Url = gateway.WebhookUri.ToString(),
                Headers = new Dictionary<string, string> { ["X-Webhook-Secret"] = RunningGateway.WebhookSecret },
            });

            var settings = inbound.Settings();
            settings[$"Outbound:Rules:{OutboundRuleName}:SourceEnvironmentId"] = inbound.PingOne.EnvironmentId;
            settings[$"Outbound:Rules:{OutboundRuleName}:TargetConnection"] = InboundScenario.ConnectionName;
            var outbound = await RunningOutboundWorker.StartAsync(settings);
            scenario.parts.Add(outbound);
            await outbound.WaitForRulesSettledAsync(TimeSpan.FromSeconds(60));
            scenario.InboundWorker = await inbound.StartWorkerAsync();
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The inbound scenario owns the broker's virtual host and the emulators: it goes last.
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            await parts[i].DisposeAsync();
        }

        await Inbound.DisposeAsync();
    }
}
