using Docusign.Emulator;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using PingOne.Emulator;
using ProvisioningBus.Core.Status;
using ProvisioningBus.State;

namespace ProvisioningBus.IntegrationTests.Infrastructure;

/// <summary>
/// A whole outbound deployment with several rules, each on its own Docusign emulator (so one deployment can compare
/// rules with different user actions side by side): PingOne emulator → webhook → gateway → RabbitMQ vhost → one or
/// more outbound workers sharing one state store → Docusign emulators. Workers can be stopped and started again with
/// changed settings on the same store, as a redeploy would.
/// </summary>
public sealed class OutboundTestbed : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> parts = [];
    private readonly Dictionary<string, DocusignEmulator> docusign = new(StringComparer.Ordinal);

    private OutboundTestbed()
    {
    }

    public PingOneEmulator PingOne { get; private set; } = null!;

    public RunningGateway Gateway { get; private set; } = null!;

    public string SubscriptionId { get; private set; } = "";

    /// <summary>The worker settings; change them before <see cref="StartWorkerAsync"/> to redeploy with another configuration.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<RunningOutboundWorker> Workers { get; } = [];

    public RunningOutboundWorker Worker => Workers[0];

    public IProvisioningStore Store => Worker.Services.GetRequiredService<IProvisioningStore>();

    /// <summary>A rule's status as the status API and the CLI show it, read over the current <see cref="Settings"/>.</summary>
    public Task<RuleStatus?> StatusAsync(string rule) => RunningStatusReader.ReadRuleAsync(Settings, rule);

    public DocusignEmulator Docusign(string connection) => docusign[connection];

    /// <summary>The test's own virtual host on the broker.</summary>
    public IsolatedVirtualHost VirtualHost { get; private set; } = null!;

    /// <param name="rules">Rule name → (its connection, its settings relative to <c>Outbound:Rules:{name}</c>). Each connection gets its own emulator.</param>
    /// <param name="state">State store settings; null for a fresh SQLite file.</param>
    /// <param name="extraSettings">Any other worker settings (resilience, notifications).</param>
    public static async Task<OutboundTestbed> StartAsync(
        RabbitMqFixture broker,
        IReadOnlyDictionary<string, RuleSetup> rules,
        IReadOnlyDictionary<string, string?>? state = null,
        int workers = 1,
        IReadOnlyDictionary<string, DocusignEmulatorOptions>? emulatorOptions = null,
        IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var testbed = new OutboundTestbed();
        try
        {
            var vhost = testbed.VirtualHost = await broker.CreateVirtualHostAsync();
            testbed.parts.Add(vhost);
            testbed.Gateway = await RunningGateway.StartAsync(vhost.AmqpUri);
            testbed.parts.Add(testbed.Gateway);
            testbed.PingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
            testbed.parts.Add(testbed.PingOne);
            testbed.SubscriptionId = testbed.PingOne.AddSubscription(new EmulatedSubscriptionOptions
            {
                Url = testbed.Gateway.WebhookUri.ToString(),
                Headers = new Dictionary<string, string> { ["X-Webhook-Secret"] = RunningGateway.WebhookSecret },
            });

            var settings = testbed.Settings.WithQuickQuarantine();
            foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            settings["RabbitMq:Uri"] = vhost.AmqpUri.ToString();
            foreach (var (key, value) in state ?? new Dictionary<string, string?>
            {
                ["State:Provider"] = "Sqlite",
                ["State:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"provisioningbus-test-{Guid.NewGuid():N}.db")}",
            })
            {
                settings[key] = value;
            }

            settings["PingOne:ApiBaseUri"] = testbed.PingOne.ApiBaseUri.ToString();
            settings["PingOne:AuthBaseUri"] = testbed.PingOne.AuthBaseUri.ToString();
            settings["PingOne:EnvironmentId"] = testbed.PingOne.EnvironmentId;
            settings["PingOne:ClientId"] = testbed.PingOne.ClientId;
            settings["PingOne:ClientSecret"] = testbed.PingOne.ClientSecret;

            foreach (var (ruleName, rule) in rules)
            {
                if (!testbed.docusign.ContainsKey(rule.Connection))
                {
                    var options = emulatorOptions?.GetValueOrDefault(rule.Connection) ?? new DocusignEmulatorOptions();
                    var emulator = await DocusignEmulator.StartAsync(options);
                    testbed.parts.Add(emulator);
                    testbed.docusign[rule.Connection] = emulator;
                    var prefix = $"Docusign:Connections:{rule.Connection}";
                    settings[$"{prefix}:ServiceUri"] = emulator.BaseUri.ToString();
                    settings[$"{prefix}:TokenEndpoint"] = emulator.TokenEndpoint.ToString();
                    settings[$"{prefix}:AccountId"] = emulator.AccountId;
                    settings[$"{prefix}:ClientId"] = emulator.Options.ClientId;
                    settings[$"{prefix}:ClientSecret"] = emulator.Options.ClientSecret;
                    settings[$"{prefix}:RefreshToken"] = emulator.Options.InitialRefreshToken;
                }

                settings[$"Outbound:Rules:{ruleName}:SourceEnvironmentId"] = testbed.PingOne.EnvironmentId;
                settings[$"Outbound:Rules:{ruleName}:TargetConnection"] = rule.Connection;
                // The guard would hold the small resyncs these tests make (one close of two users is 50 %); its own tests set it.
                settings[$"Outbound:Rules:{ruleName}:MassDeletionGuard:Enabled"] = "false";
                foreach (var (key, value) in rule.Settings)
                {
                    settings[$"Outbound:Rules:{ruleName}:{key}"] = value;
                }
            }

            for (var i = 0; i < workers; i++)
            {
                await testbed.StartWorkerAsync();
            }

            foreach (var worker in testbed.Workers)
            {
                await worker.WaitForRulesSettledAsync(TimeSpan.FromSeconds(60));
            }

            return testbed;
        }
        catch
        {
            await testbed.DisposeAsync();
            throw;
        }
    }

    public async Task<RunningOutboundWorker> StartWorkerAsync()
    {
        var worker = await RunningOutboundWorker.StartAsync(new Dictionary<string, string?>(Settings));
        Workers.Add(worker);
        return worker;
    }

    public async Task StopWorkersAsync()
    {
        foreach (var worker in Workers)
        {
            await worker.DisposeAsync();
        }

        Workers.Clear();
    }

    /// <summary>Removes a rule from the worker settings, as an operator deleting it from configuration would.</summary>
    public void RemoveRule(string ruleName)
    {
        foreach (var key in Settings.Keys.Where(key => key.StartsWith($"Outbound:Rules:{ruleName}:", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            Settings.Remove(key);
        }
    }

    public async Task PublishAsync<T>(T message)
        where T : class
    {
        // MassTransit keeps its log context in an AsyncLocal: resolving the bus on the test's own flow would leave this
        // worker's logger factory there, and a worker started after this one is stopped would inherit it, disposed.
        Task published;
        using (ExecutionContext.SuppressFlow())
        {
            published = Task.Run(() => Worker.Services.GetRequiredService<IBus>().Publish(message));
        }

        await published;
    }

    /// <summary>The Docusign users of a connection with this email (any status).</summary>
    public IReadOnlyList<global::Docusign.Emulator.EmulatedUser> UsersByEmail(string connection, string email) => docusign[connection].State.FindUsersByEmail(email);

    /// <summary>Waits until the connection holds exactly one user with this email that satisfies <paramref name="condition"/>.</summary>
    public Task<IReadOnlyList<global::Docusign.Emulator.EmulatedUser>> WaitForUserAsync(string connection, string email, Func<global::Docusign.Emulator.EmulatedUser, bool> condition, string because) =>
        Eventually.MatchesAsync(() => UsersByEmail(connection, email), users => users.Count == 1 && condition(users[0]), TimeSpan.FromSeconds(30), because);

    public async ValueTask DisposeAsync()
    {
        await StopWorkersAsync();
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            await parts[i].DisposeAsync();
        }
    }
}
