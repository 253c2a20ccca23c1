using Docusign.Emulator;
using Microsoft.Extensions.DependencyInjection;
using PingOne.Emulator;
using PingOne.Emulator.Directory;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Outbound.Tests.Infrastructure;

/// <summary>
/// One rule that pushes groups, for one test: PingOne emulator → <see cref="PingOneChangeFeed"/> → the outbound
/// consumers on the in-memory test harness → Docusign emulator. PingOne changes reach the consumers only when the test
/// delivers them, so what <c>arrange</c> does before the worker knows its pushed groups is delivered afterwards, in order.
/// </summary>
public sealed class GroupScenario : IAsyncDisposable
{
    public const string ConnectionName = OutboundWorkerSettings.ConnectionName;
    public const string RuleName = "pushed-groups";

    private readonly List<IAsyncDisposable> parts = [];

    private GroupScenario()
    {
    }

    public PingOneEmulator PingOne { get; private set; } = null!;

    public DocusignEmulator Docusign { get; private set; } = null!;

    public HarnessedOutboundWorker Worker { get; private set; } = null!;

    /// <summary>PingOne's changes, delivered to the consumers when the test says so.</summary>
    public PingOneChangeFeed Changes { get; private set; } = null!;

    public IProvisioningStore Store => Worker.Services.GetRequiredService<IProvisioningStore>();

    public CompiledOutboundRule Rule => Worker.Services.GetRequiredService<OutboundRuleCatalog>().All.Single(rule => rule.Name == RuleName);

    /// <param name="arrange">Prepares PingOne and Docusign (before any change is delivered); returns the ids of the groups to push.</param>
    /// <param name="settings">Extra worker settings; keys starting with <c>Rule:</c> go under the rule.</param>
    /// <param name="postgresConnectionString">A PostgreSQL store instead of a fresh SQLite file.</param>
    public static async Task<GroupScenario> StartAsync(
        Func<PingOneEmulator, DocusignEmulator, IReadOnlyList<string>> arrange,
        IDictionary<string, string?>? settings = null,
        string? postgresConnectionString = null)
    {
        var scenario = new GroupScenario();
        try
        {
            scenario.Docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
            scenario.parts.Add(scenario.Docusign);
            scenario.PingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
            scenario.parts.Add(scenario.PingOne);

            var pushed = arrange(scenario.PingOne, scenario.Docusign);
            var worker = OutboundWorkerSettings.For(scenario.PingOne, scenario.Docusign, RuleName, postgresConnectionString);
            for (var i = 0; i < pushed.Count; i++)
            {
                worker[$"Outbound:Rules:{RuleName}:GroupsToPush:{i}"] = pushed[i];
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                worker[key.StartsWith("Rule:", StringComparison.Ordinal) ? $"Outbound:Rules:{RuleName}:{key["Rule:".Length..]}" : key] = value;
            }

            scenario.Worker = await HarnessedOutboundWorker.StartAsync(worker);
            scenario.parts.Add(scenario.Worker);
            scenario.Changes = new PingOneChangeFeed(scenario.PingOne, scenario.Worker);

            // A new rule gets an initial resync at start-up, which takes the group leases: a change delivered meanwhile
            // meets GroupBusyException and waits out the retry back-off. Tests start from the settled state instead.
            await Eventually.MatchesAsync(
                () => scenario.Store.SyncRuns.GetLatestAsync(RuleName, CancellationToken.None),
                run => run is { Status: not SyncRunStatus.Running },
                TimeSpan.FromSeconds(30),
                "the worker's initial resync of the new rule completes");
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates users in PingOne, delivers every change recorded so far, and returns the users the user consumer created
    /// in Docusign and linked to the rule (memberships apply only to linked users).
    /// </summary>
    public async Task<IReadOnlyList<ProvisionedUser>> ProvisionUsersAsync(IEnumerable<string> userNames, string? populationId = null)
    {
        var created = userNames
            .Select(name => PingOne.State.CreateUser(name, $"{name}@example.com", new EmulatedUserName(Given: name, Family: "Tester"), populationId: populationId))
            .ToList();
        await Changes.DeliverAsync();

        var provisioned = new List<ProvisionedUser>();
        foreach (var user in created)
        {
            var docusignUser = Assert.Single(Docusign.State.FindUsersByEmail(user.Email!));
            var link = await Store.UserLinks.GetAsync(RuleName, user.Id, CancellationToken.None);
            Assert.True(link is not null, $"the user consumer links {user.Username} to the rule");
            Assert.Equal(docusignUser.UserId, link.DocusignUserId);
            provisioned.Add(new ProvisionedUser(link.PingOneUserId, link.DocusignUserId, link.Email));
        }

        return provisioned;
    }

    /// <summary>The custom Docusign group with this name (exactly one).</summary>
    public global::Docusign.Emulator.EmulatedGroup DocusignGroup(string name) =>
        Assert.Single(Docusign.State.Groups, group => group.GroupName == name);

    /// <summary>The Docusign user ids in a group, sorted.</summary>
    public IReadOnlyList<string> DocusignMembers(string docusignGroupId) => [.. Docusign.State.GetGroupMemberIds(docusignGroupId).Order(StringComparer.Ordinal)];

    /// <summary>Docusign requests matching a method and a path pattern, from the emulator's request log.</summary>
    public IReadOnlyList<EmulatorRequestRecord> DocusignRequests(string method, Func<string, bool> path) =>
        [.. Docusign.State.Requests.Where(request => request.Method == method && path(request.Path))];

    public async ValueTask DisposeAsync()
    {
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            await parts[i].DisposeAsync();
        }
    }
}
