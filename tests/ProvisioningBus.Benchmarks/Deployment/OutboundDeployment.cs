using System.Globalization;
using Docusign.Emulator;
using PingOne.Emulator;
using ProvisioningBus.State;
using ProvisioningBus.State.Hosting;
using ProvisioningBus.Testing;

namespace ProvisioningBus.Benchmarks.Deployment;

/// <summary>
/// A whole outbound deployment for one measurement: PingOne emulator (no subscription: only the benchmark posts
/// webhooks) → gateway → RabbitMQ (own virtual host) → outbound worker(s) → Docusign emulator, over real HTTP and AMQP.
/// </summary>
public sealed class OutboundDeployment : IAsyncDisposable
{
    public const string ConnectionName = OutboundWorkerSettings.ConnectionName;
    public const string RuleName = "bench-all-users";

    private readonly List<IAsyncDisposable> parts = [];
    private readonly List<WorkerHost> workers = [];
    private readonly List<ServiceProcess> processes = [];
    private IProvisioningStore? observer;

    private OutboundDeployment(LogTally logs) => Logs = logs;

    public LogTally Logs { get; }

    public PingOneEmulator PingOne { get; private set; } = null!;

    public DocusignEmulator Docusign { get; private set; } = null!;

    public GatewayHost Gateway { get; private set; } = null!;

    public IReadOnlyList<WorkerHost> Workers => workers;

    public IReadOnlyList<string> GroupIds { get; private set; } = [];

    public StateDatabase Database { get; private set; } = null!;

    /// <summary>Workers running as OS processes (<see cref="DeploymentOptions.WorkerProcesses"/>).</summary>
    public IReadOnlyList<ServiceProcess> Processes => processes;

    /// <summary>The store as the first worker sees it (all workers share it); opened here when the workers are processes.</summary>
    public IProvisioningStore Store => observer ?? workers[0].Services.GetRequiredService<IProvisioningStore>();

    public static async Task<OutboundDeployment> StartAsync(RabbitMqFixture broker, DeploymentOptions options, LogTally logs, CancellationToken ct)
    {
        var deployment = new OutboundDeployment(logs);
        try
        {
            var vhost = await broker.CreateVirtualHostAsync(ct);
            deployment.parts.Add(vhost);
            var database = await StateDatabase.CreateAsync(options.Store, ct);
            deployment.Database = database;
            deployment.parts.Add(database);
            var docusignOptions = options.Clock is null ? options.Docusign : options.Docusign with { TimeProvider = options.Clock };
            deployment.Docusign = await DocusignEmulator.StartAsync(docusignOptions, ct);
            deployment.parts.Add(deployment.Docusign);
            deployment.PingOne = await global::PingOne.Emulator.PingOneEmulator.StartAsync(new PingOneEmulatorOptions(), ct);
            deployment.parts.Add(deployment.PingOne);
            deployment.GroupIds = [.. Enumerable.Range(0, options.PushedGroups).Select(i => deployment.PingOne.State.CreateGroup($"bench-group-{i:D3}").Id)];

            var settings = WorkerSettings(vhost.AmqpUri, database, deployment.PingOne, deployment.Docusign, deployment.GroupIds, options.Clock);
            foreach (var (key, value) in options.Settings)
            {
                settings[key] = value;
            }

            deployment.Gateway = await GatewayHost.StartAsync(settings, logs, ct);
            deployment.parts.Add(deployment.Gateway);
            for (var i = 0; i < options.Workers; i++)
            {
                var worker = await WorkerHost.StartAsync(settings, logs, options.Clock, ct);
                deployment.workers.Add(worker);
                deployment.parts.Add(worker);
            }

            for (var i = 0; i < options.WorkerProcesses; i++)
            {
                var process = await ServiceProcess.StartWorkerAsync(settings, "users,resync", TimeSpan.FromMinutes(3));
                deployment.processes.Add(process);
                deployment.parts.Add(process);
            }

            if (options.WorkerProcesses > 0)
            {
                var store = ProvisioningStore.Create(
                    new StoreOptions { Provider = database.Kind == StoreKind.Postgres ? StoreProvider.Postgres : StoreProvider.Sqlite, ConnectionString = database.ConnectionString },
                    TimeProvider.System);
                deployment.observer = store;
                deployment.parts.Add(store);
            }

            await deployment.WaitForRuleStartedAsync(ct);
            return deployment;
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The settings a worker needs (the shape of the integration tests' OutboundScenario): broker, store, PingOne worker
    /// app, one Docusign connection and one rule over every user of the environment.
    /// </summary>
    public static Dictionary<string, string?> WorkerSettings(
        Uri amqpUri, StateDatabase database, PingOneEmulator pingOne, DocusignEmulator docusign, IReadOnlyList<string> groupsToPush, TimeProvider? clock)
    {
        var settings = OutboundWorkerSettings.For(amqpUri, pingOne, docusign, RuleName);
        foreach (var (key, value) in database.Settings)
        {
            settings[key] = value;
        }
        for (var i = 0; i < groupsToPush.Count; i++)
        {
            settings[$"Outbound:Rules:{RuleName}:GroupsToPush:{i}"] = groupsToPush[i];
        }

        if (clock is ScaledTimeProvider scaled)
        {
            // The client's per-attempt timeout runs on the injected clock; 30 s of compressed time would be a few
            // milliseconds of real time, so it is stretched to stay 30 real seconds.
            settings[$"Docusign:Connections:{ConnectionName}:AttemptTimeout"] =
                TimeSpan.FromSeconds(30 * scaled.Scale).ToString("c", CultureInfo.InvariantCulture);
        }

        return settings;
    }

    /// <summary>The workers ran their start-up reconciliation of the (new) rule, so later users are left to the measured path.</summary>
    private async Task WaitForRuleStartedAsync(CancellationToken ct)
    {
        var store = Store;
        await Waiting.UntilAsync(
            async () => await store.RuleStates.GetAsync(RuleName, ct) is { ConfigHash.Length: > 0 },
            TimeSpan.FromSeconds(60),
            "the worker's start-up reconciliation of the new rule",
            ct);
    }

    public async ValueTask DisposeAsync()
    {
        // Reverse start order: workers and gateway stop before the broker's vhost and the store go away.
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            try
            {
                await parts[i].DisposeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"  (cleanup of {parts[i].GetType().Name} failed: {ex.GetType().Name}: {ex.Message})");
            }
        }
    }
}
