using Docusign.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PingOne.Emulator;
using PingOne.Emulator.Directory;
using ProvisioningBus.State;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Tests.Infrastructure;

/// <summary>
/// A whole outbound deployment for one test: PingOne emulator → webhook → gateway → RabbitMQ (own virtual host)
/// → outbound worker → Docusign emulator. The PingOne subscription starts paused, so what <c>arrange</c> does
/// before the worker knows its pushed groups (their ids exist only once created) is delivered afterwards, in order.
/// </summary>
public sealed class DeployedGroupScenario : IAsyncDisposable
{
    public const string ConnectionName = "demo";
    public const string RuleName = "pushed-groups";

    private readonly List<IAsyncDisposable> parts = [];

    private DeployedGroupScenario()
    {
    }

    public PingOneEmulator PingOne { get; private set; } = null!;

    public DocusignEmulator Docusign { get; private set; } = null!;

    public RunningGateway Gateway { get; private set; } = null!;

    public RunningOutboundWorker Worker { get; private set; } = null!;

    public string SubscriptionId { get; private set; } = "";

    public IProvisioningStore Store => Worker.Services.GetRequiredService<IProvisioningStore>();

    /// <param name="arrange">Prepares PingOne and Docusign (before any event is delivered); returns the ids of the groups to push.</param>
    /// <param name="settings">Extra worker settings; keys starting with <c>Rule:</c> go under the rule.</param>
    /// <param name="postgresConnectionString">A PostgreSQL store instead of a fresh SQLite file.</param>
    /// <param name="configureGateway">Test additions to the gateway host (an exporter).</param>
    /// <param name="configureWorker">Test additions to the worker host (an exporter).</param>
    public static async Task<DeployedGroupScenario> StartAsync(
        RabbitMqFixture broker,
        Func<PingOneEmulator, DocusignEmulator, IReadOnlyList<string>> arrange,
        IDictionary<string, string?>? settings = null,
        string? postgresConnectionString = null,
        Action<IHostApplicationBuilder>? configureGateway = null,
        Action<IHostApplicationBuilder>? configureWorker = null)
    {
        var scenario = new DeployedGroupScenario();
        try
        {
            var vhost = await broker.CreateVirtualHostAsync();
            scenario.parts.Add(vhost);
            scenario.Docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
            scenario.parts.Add(scenario.Docusign);
            var gateway = scenario.Gateway = await RunningGateway.StartAsync(vhost.AmqpUri, configure: configureGateway);
            scenario.parts.Add(gateway);
            scenario.PingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
            scenario.parts.Add(scenario.PingOne);
            scenario.SubscriptionId = scenario.PingOne.AddSubscription(new EmulatedSubscriptionOptions
            {
                Url = gateway.WebhookUri.ToString(),
                Headers = new Dictionary<string, string> { ["X-Webhook-Secret"] = RunningGateway.WebhookSecret },
                Enabled = false,
            });

            var pushed = arrange(scenario.PingOne, scenario.Docusign);
            var worker = WorkerSettings(vhost.AmqpUri, scenario.PingOne, scenario.Docusign, postgresConnectionString);
            for (var i = 0; i < pushed.Count; i++)
            {
                worker[$"Outbound:Rules:{RuleName}:GroupsToPush:{i}"] = pushed[i];
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                worker[key.StartsWith("Rule:", StringComparison.Ordinal) ? $"Outbound:Rules:{RuleName}:{key["Rule:".Length..]}" : key] = value;
            }

            scenario.Worker = await RunningOutboundWorker.StartAsync(worker, configure: configureWorker);
            scenario.parts.Add(scenario.Worker);
            scenario.PingOne.SetSubscriptionEnabled(scenario.SubscriptionId, enabled: true);
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates users in PingOne and waits until the user consumer has created them in Docusign and linked them
    /// to the rule (memberships apply only to linked users).
    /// </summary>
    public async Task<IReadOnlyList<ProvisionedUser>> ProvisionUsersAsync(IEnumerable<string> userNames, string? populationId = null)
    {
        var created = userNames
            .Select(name => PingOne.State.CreateUser(name, $"{name}@example.com", new EmulatedUserName(Given: name, Family: "Tester"), populationId: populationId))
            .ToList();
        var docusignUsers = await Eventually.MatchesAsync(
            () => created.Select(user => Docusign.State.FindUsersByEmail(user.Email!) is [var found, ..] ? found : null).ToList(),
            found => found.All(user => user is not null),
            TimeSpan.FromSeconds(60),
            $"{created.Count} PingOne users are created in Docusign by the user consumer");

        var links = await Eventually.MatchesAsync(
            async () =>
            {
                var found = new List<UserLink>();
                foreach (var user in created)
                {
                    if (await Store.UserLinks.GetAsync(RuleName, user.Id, CancellationToken.None) is { } link)
                    {
                        found.Add(link);
                    }
                }

                return found;
            },
            found => found.Count == created.Count,
            TimeSpan.FromSeconds(30),
            $"the user consumer links the {created.Count} users it provisioned to the rule");
        Assert.Equal(docusignUsers.Select(user => user!.UserId), links.Select(link => link.DocusignUserId));

        return [.. links.Select(link => new ProvisionedUser(link.PingOneUserId, link.DocusignUserId, link.Email))];
    }

    /// <summary>
    /// Waits until the rule's start-up full resync has completed. A test that counts what the event consumers apply
    /// waits for it first: a resync still running would apply the same changes itself (it adds the pushed groups'
    /// members too), and the consumers would then find nothing left to do.
    /// </summary>
    public Task WaitForStartupResyncAsync() =>
        Eventually.MatchesAsync(
            () => Store.SyncRuns.GetLatestAsync(RuleName, CancellationToken.None),
            run => run is { CompletedAt: not null },
            TimeSpan.FromSeconds(60),
            $"the start-up full resync of {RuleName} completes");

    /// <summary>Waits for the custom Docusign group with this name (exactly one).</summary>
    public Task<global::Docusign.Emulator.EmulatedGroup> DocusignGroupAsync(string name, string because) =>
        Eventually.MatchesAsync(
            () => Docusign.State.Groups.Where(group => group.GroupName == name).ToList(),
            groups => groups.Count == 1,
            TimeSpan.FromSeconds(30),
            because).ContinueWith(found => found.Result[0], TaskScheduler.Default);

    /// <summary>The Docusign user ids in a group, sorted.</summary>
    public IReadOnlyList<string> DocusignMembers(string docusignGroupId) => [.. Docusign.State.GetGroupMemberIds(docusignGroupId).Order(StringComparer.Ordinal)];

    public static Dictionary<string, string?> WorkerSettings(Uri amqpUri, PingOneEmulator pingOne, DocusignEmulator docusign, string? postgresConnectionString) =>
        OutboundWorkerSettings.For(amqpUri, pingOne, docusign, RuleName, postgresConnectionString);

    public async ValueTask DisposeAsync()
    {
        // Reverse start order: the webhook source stops before the gateway it posts to, the broker's vhost goes last.
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            await parts[i].DisposeAsync();
        }
    }
}
