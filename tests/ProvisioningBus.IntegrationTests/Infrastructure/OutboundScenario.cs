using Docusign.Emulator;
using Microsoft.Extensions.Hosting;
using PingOne.Emulator;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.IntegrationTests.Infrastructure;

/// <summary>
/// A whole outbound deployment for one test: PingOne emulator → webhook → gateway → RabbitMQ (own virtual host)
/// → outbound worker → Docusign emulator, every hop over real HTTP or AMQP.
/// </summary>
public sealed class OutboundScenario : IAsyncDisposable
{
    public const string ConnectionName = "demo";
    public const string RuleName = "all-users";

    private readonly List<IAsyncDisposable> parts = [];

    private OutboundScenario()
    {
    }

    public PingOneEmulator PingOne { get; private set; } = null!;

    public DocusignEmulator Docusign { get; private set; } = null!;

    public RunningGateway Gateway { get; private set; } = null!;

    public RunningOutboundWorker Worker { get; private set; } = null!;

    /// <param name="workerRoles">The outbound roles the worker runs, as <c>Worker:Roles</c> would select them.</param>
    /// <param name="configureGateway">Test additions to the gateway host (an exporter).</param>
    /// <param name="configureWorker">Test additions to the worker host (an exporter).</param>
    public static async Task<OutboundScenario> StartAsync(
        RabbitMqFixture broker,
        IDictionary<string, string?>? ruleSettings = null,
        WorkerRoles workerRoles = WorkerRoles.Outbound,
        Action<IHostApplicationBuilder>? configureGateway = null,
        Action<IHostApplicationBuilder>? configureWorker = null)
    {
        var scenario = new OutboundScenario();
        try
        {
            var vhost = await broker.CreateVirtualHostAsync();
            scenario.parts.Add(vhost);
            scenario.Docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
            scenario.parts.Add(scenario.Docusign);
            // The gateway reads the worker's store (its status and log API), as every process of a deployment shares one.
            var store = new Dictionary<string, string?>
            {
                ["State:Provider"] = "Sqlite",
                ["State:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"provisioningbus-test-{Guid.NewGuid():N}.db")}",
            };
            scenario.Gateway = await RunningGateway.StartAsync(vhost.AmqpUri, store, configureGateway);
            scenario.parts.Add(scenario.Gateway);
            scenario.PingOne = await global::PingOne.Emulator.PingOneEmulator.StartAsync(new PingOneEmulatorOptions
            {
                Subscriptions =
                [
                    new EmulatedSubscriptionOptions
                    {
                        Url = scenario.Gateway.WebhookUri.ToString(),
                        Headers = new Dictionary<string, string> { ["X-Webhook-Secret"] = RunningGateway.WebhookSecret },
                    },
                ],
            });
            scenario.parts.Add(scenario.PingOne);

            var settings = WorkerSettings(vhost.AmqpUri, scenario.PingOne, scenario.Docusign);
            foreach (var (key, value) in store)
            {
                settings[key] = value;
            }

            foreach (var (key, value) in ruleSettings ?? new Dictionary<string, string?>())
            {
                settings[$"Outbound:Rules:{RuleName}:{key}"] = value;
            }

            scenario.Worker = await RunningOutboundWorker.StartAsync(settings, workerRoles, configureWorker);
            scenario.parts.Add(scenario.Worker);
            await scenario.Worker.WaitForRulesSettledAsync(TimeSpan.FromSeconds(60));
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    public static Dictionary<string, string?> WorkerSettings(Uri amqpUri, PingOneEmulator pingOne, DocusignEmulator docusign) =>
        OutboundWorkerSettings.For(amqpUri, pingOne, docusign, RuleName);

    public async ValueTask DisposeAsync()
    {
        // Reverse start order: the webhook source stops before the gateway it posts to, the broker's vhost goes last.
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            await parts[i].DisposeAsync();
        }
    }
}
