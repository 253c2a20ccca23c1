using Docusign.Emulator;
using PingOne.Emulator;
using ProvisioningBus.Gateway;
using ProvisioningBus.Outbound;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>
/// A whole outbound deployment for one drill: PingOne emulator → webhook → gateway → RabbitMQ (own virtual host) →
/// outbound workers (in this process, or as processes of their own) → Docusign emulator, over real HTTP and AMQP, with
/// one store the workers share.
/// </summary>
public sealed class OutboundDrill : IAsyncDisposable
{
    public const string ConnectionName = "demo";
    public const string RuleName = "all-users";

    private readonly List<IAsyncDisposable> parts = [];
    private readonly List<IAsyncDisposable> workers = [];
    private readonly string sqlitePath = Path.Combine(Path.GetTempPath(), $"provisioningbus-drill-{Guid.NewGuid():N}.db");
    private string? postgres;

    private OutboundDrill(DrillObservers observers, string webhookSecret)
    {
        Observers = observers;
        WebhookSecret = webhookSecret;
    }

    public DrillObservers Observers { get; }

    public string WebhookSecret { get; }

    public IsolatedVirtualHost VirtualHost { get; private set; } = null!;

    public DocusignEmulator Docusign { get; private set; } = null!;

    public PingOneEmulator PingOne { get; private set; } = null!;

    public InProcessService Gateway { get; private set; } = null!;

    public string SubscriptionId { get; private set; } = "";

    public Uri WebhookUri => new(Gateway.BaseAddress, "/webhooks/pingone");

    /// <summary>Worker settings (change them before starting a worker).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<OutboundDrill> StartAsync(
        RabbitMqFixture broker,
        DocusignEmulatorOptions? docusign = null,
        PingOneEmulatorOptions? pingOne = null,
        DrillObservers? observers = null,
        bool onPostgres = false,
        string webhookSecret = "drill-webhook-secret-5b1f0c",
        IDictionary<string, string?>? gatewaySettings = null)
    {
        var drill = new OutboundDrill(observers ?? new DrillObservers(), webhookSecret);
        try
        {
            drill.VirtualHost = await broker.CreateVirtualHostAsync();
            drill.parts.Add(drill.VirtualHost);
            drill.Docusign = await DocusignEmulator.StartAsync((docusign ?? new DocusignEmulatorOptions()) with
            {
                // Only the drills that are about rate limits want any; the rest must not be slowed by them.
                HourlyLimit = docusign?.HourlyLimit is { } hourly && hourly != 3000 ? hourly : 1_000_000,
                BurstLimit = docusign?.BurstLimit is { } burst && burst != 500 ? burst : 1_000_000,
                RequestLogCapacity = 100_000,
            });
            drill.parts.Add(drill.Docusign);
            drill.PingOne = await PingOneEmulator.StartAsync((pingOne ?? new PingOneEmulatorOptions()) with
            {
                // PingOne backs off up to minutes; a short cap keeps a recovered gateway from idling through the drill.
                DeliveryRetryDelay = TimeSpan.FromMilliseconds(100),
                MaxDeliveryRetryDelay = TimeSpan.FromSeconds(1),
                DeliveryTimeout = TimeSpan.FromSeconds(10),
            });
            drill.parts.Add(drill.PingOne);
            if (onPostgres)
            {
                drill.postgres = await PostgresDatabases.CreateAsync();
            }

            drill.FillSettings();
            var gateway = new Dictionary<string, string?>
            {
                ["RabbitMq:Uri"] = drill.VirtualHost.AmqpUri.ToString(),
                ["Gateway:Webhook:Secret"] = webhookSecret,
                ["State:Provider"] = drill.Settings["State:Provider"],
                ["State:ConnectionString"] = drill.Settings["State:ConnectionString"],
            };
            foreach (var (key, value) in gatewaySettings ?? new Dictionary<string, string?>())
            {
                gateway[key] = value;
            }

            drill.Gateway = await InProcessService.StartAsync(gateway, builder => builder.AddGateway(), app => app.MapGateway(), drill.Observers);
            drill.parts.Add(drill.Gateway);
            drill.SubscriptionId = drill.PingOne.AddSubscription(new EmulatedSubscriptionOptions
            {
                Url = drill.WebhookUri.ToString(),
                Headers = new Dictionary<string, string> { ["X-Webhook-Secret"] = webhookSecret },
            });
            return drill;
        }
        catch
        {
            await drill.DisposeAsync();
            throw;
        }
    }

    public async Task<InProcessService> StartWorkerAsync(Action<IServiceCollection>? customize = null)
    {
        var worker = await InProcessService.StartAsync(new Dictionary<string, string?>(Settings), builder => builder.AddOutbound(), null, Observers, customize);
        workers.Add(worker);
        return worker;
    }

    public async Task<ServiceProcess> StartWorkerProcessAsync()
    {
        var first = workers.Count == 0;
        // Processes log warnings only; the resync's completion line is what the first start waits for.
        Settings["Logging:LogLevel:ProvisioningBus.Outbound.Resync"] = "Information";
        var worker = await ServiceProcess.StartWorkerAsync(Settings, "users,groups,memberships,resync", TimeSpan.FromSeconds(60));
        workers.Add(worker);
        if (first)
        {
            // The first worker resyncs the new rule at start-up; users created meanwhile would be provisioned by that
            // resync instead of by their events, which is right but not what a drill of the event path means to watch.
            await worker.WaitForLineAsync(
                line => line.Contains($"Rule {RuleName}: full resync done", StringComparison.Ordinal) || line.Contains($"Rule {RuleName}: full resync not run", StringComparison.Ordinal),
                TimeSpan.FromSeconds(60),
                "the first worker's start-up resync of the new rule completes");
        }

        return worker;
    }

    public HttpClient CreateWebhookClient(string? secret)
    {
        var client = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Add("X-Webhook-Secret", secret);
        }

        return client;
    }

    /// <summary>Creates PingOne users as an admin would (each one a USER.CREATED event delivered to the gateway).</summary>
    public IReadOnlyList<global::PingOne.Emulator.Directory.EmulatedUser> CreateUsers(string prefix, int count, string title = "Engineer") =>
        [.. Enumerable.Range(1, count).Select(i => PingOne.State.CreateUser(
            $"{prefix}{i:D5}",
            $"{prefix}{i:D5}@drill.example",
            new global::PingOne.Emulator.Directory.EmulatedUserName(Given: $"{prefix}{i:D5}", Family: "Drill"),
            title))];

    /// <summary>Waits until Docusign mirrors PingOne exactly (see <see cref="DocusignMirror"/>), then checks it once more.</summary>
    public async Task AssertConvergedAsync(TimeSpan timeout, string because)
    {
        try
        {
            await Eventually.MatchesAsync(() => DocusignMirror.Differences(PingOne, Docusign), differences => differences.Count == 0, timeout, because);
        }
        catch (TimeoutException timedOut)
        {
            var differences = DocusignMirror.Differences(PingOne, Docusign);
            throw new TimeoutException(
                $"{timedOut.Message}\n{differences.Count} differences, first: {string.Join("; ", differences.Take(5))}\nService problems:\n{Observers.Problems()}{ProcessProblems()}", timedOut);
        }

        await PingOne.WaitForDeliveryAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(DocusignMirror.Differences(PingOne, Docusign));
    }

    /// <summary>What the worker processes logged at warning and above (their last 40 such lines each), for a failed drill.</summary>
    private string ProcessProblems() =>
        string.Concat(workers.OfType<ServiceProcess>().Select(worker =>
            $"\n{worker.Name} (pid {worker.Id}):\n" + string.Join('\n', ProblemLines(worker.Output).TakeLast(40))));

    private static IEnumerable<string> ProblemLines(string output)
    {
        // Console logging writes "warn: Category[id]" or "fail: …" and the message on the next line.
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("warn:", StringComparison.Ordinal) || lines[i].StartsWith("fail:", StringComparison.Ordinal) || lines[i].StartsWith("crit:", StringComparison.Ordinal))
            {
                yield return i + 1 < lines.Length ? $"{lines[i]} {lines[i + 1].Trim()}" : lines[i];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = workers.Count - 1; i >= 0; i--)
        {
            await workers[i].DisposeAsync();
        }

        for (var i = parts.Count - 1; i >= 0; i--)
        {
            await parts[i].DisposeAsync();
        }

        if (postgres is not null)
        {
            await PostgresDatabases.DropAsync(postgres);
        }

        foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A pooled SQLite connection may still hold the file; the temp directory is cleaned eventually.
            }
        }
    }

    private void FillSettings()
    {
        var settings = Settings;
        settings["RabbitMq:Uri"] = VirtualHost.AmqpUri.ToString();
        settings["State:Provider"] = postgres is null ? "Sqlite" : "Postgres";
        settings["State:ConnectionString"] = postgres ?? $"Data Source={sqlitePath}";
        settings["PingOne:ApiBaseUri"] = PingOne.ApiBaseUri.ToString();
        settings["PingOne:AuthBaseUri"] = PingOne.AuthBaseUri.ToString();
        settings["PingOne:EnvironmentId"] = PingOne.EnvironmentId;
        settings["PingOne:ClientId"] = PingOne.ClientId;
        settings["PingOne:ClientSecret"] = PingOne.ClientSecret;
        var prefix = $"Docusign:Connections:{ConnectionName}";
        settings[$"{prefix}:ServiceUri"] = Docusign.BaseUri.ToString();
        settings[$"{prefix}:TokenEndpoint"] = Docusign.TokenEndpoint.ToString();
        settings[$"{prefix}:AccountId"] = Docusign.AccountId;
        settings[$"{prefix}:ClientId"] = Docusign.Options.ClientId;
        settings[$"{prefix}:ClientSecret"] = Docusign.Options.ClientSecret;
        settings[$"{prefix}:RefreshToken"] = Docusign.Options.InitialRefreshToken;
        // The client's backoff starts at 1 s; drills inject hundreds of faults and would spend minutes waiting.
        settings[$"{prefix}:TransientRetryBaseDelay"] = "00:00:00.050";
        settings[$"Outbound:Rules:{RuleName}:SourceEnvironmentId"] = PingOne.EnvironmentId;
        settings[$"Outbound:Rules:{RuleName}:TargetConnection"] = ConnectionName;
    }
}
