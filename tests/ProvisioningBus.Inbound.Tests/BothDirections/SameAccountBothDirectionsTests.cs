using PingOne.Emulator.Directory;
using DocusignAccountUser = global::Docusign.Emulator.EmulatedUser;
using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.BothDirections;

[Collection(InboundBrokerCollection.Name)]
public sealed class SameAccountBothDirectionsTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Changes_on_either_side_reach_the_other_once_with_no_loop_and_no_duplicate()
    {
        await using var both = await BothDirectionsScenario.StartAsync(broker);
        var scenario = both.Inbound;
        var worker = both.InboundWorker;
        await Eventually.MatchesAsync(
            () => worker.Store.RuleStates.GetAsync(InboundScenario.RuleName, CancellationToken.None),
            state => state?.DailySyncTimeOfDay is not null,
            Patience,
            "the inbound rule's initial sync completes");

        // Round 1: created in PingOne, it reaches Docusign outbound; the poll then finds it there, and the inbound rule
        // leaves the PingOne user it did not provision as it is (recorded unsynced) instead of creating a second one.
        scenario.PingOne.State.CreateUser("ada.lovelace", "ada@example.com", new EmulatedUserName(Given: "Ada", Family: "Lovelace"));
        var ada = (await WaitForDocusignAsync(scenario, "ada@example.com", user => user.FirstName == "Ada", "Ada reaches Docusign"))[0];
        await SyncAsync(scenario, worker);
        await Eventually.MatchesAsync(
            () => worker.Store.Ledger.GetAsync(InboundScenario.RuleName, EntityKind.User, ada.UserId, CancellationToken.None),
            outcome => outcome?.Outcome == SyncOutcome.Unsynced,
            Patience,
            "the inbound rule leaves Ada's PingOne user, which it did not provision");
        await AssertOneEachSideAsync(scenario);

        // Round 2: created in Docusign, it reaches PingOne through the poll, and its PingOne creation does not echo back.
        var grace = scenario.SeedDocusignUser("Grace", "Hopper");
        await SyncAsync(scenario, worker);
        await Eventually.MatchesAsync(() => PingOneUsers(scenario, grace.Email), users => users.Count == 1, Patience, "Grace reaches PingOne");
        await AssertOneEachSideAsync(scenario);

        // Round 3: renamed in PingOne.
        scenario.PingOne.State.UpdateUser(PingOneUser(scenario, "ada@example.com").Id, new EmulatedUserChanges { Name = new EmulatedUserName(Given: "Augusta", Family: "Lovelace") });
        await WaitForDocusignAsync(scenario, "ada@example.com", user => user.FirstName == "Augusta", "the PingOne rename reaches Docusign");
        await SyncAsync(scenario, worker);
        await AssertOneEachSideAsync(scenario);
        Assert.Equal("Augusta", PingOneUser(scenario, "ada@example.com").Name?.Given);

        // Round 4: renamed in Docusign.
        await worker.Docusign.UpdateUserAsync(new DocusignUserUpdate(grace.UserId) { FirstName = "Amazing" });
        await SyncAsync(scenario, worker);
        await Eventually.MatchesAsync(
            () => PingOneUser(scenario, grace.Email),
            user => user.Name?.Given == "Amazing",
            Patience,
            "the Docusign rename reaches PingOne");
        await AssertOneEachSideAsync(scenario);
        Assert.Equal("Amazing", DocusignUser(scenario, grace.Email).FirstName);

        // Grace's PingOne writes were the inbound worker's: the gateway dropped their events, so the outbound rule never
        // heard of her. A later PingOne change that reaches Docusign shows the events before it were consumed.
        scenario.PingOne.State.UpdateUser(PingOneUser(scenario, "ada@example.com").Id, new EmulatedUserChanges { Name = new EmulatedUserName(Given: "Ada", Family: "Lovelace") });
        await WaitForDocusignAsync(scenario, "ada@example.com", user => user.FirstName == "Ada", "a last PingOne rename reaches Docusign");
        Assert.Null(await worker.Store.Ledger.GetAsync(BothDirectionsScenario.OutboundRuleName, EntityKind.User, PingOneUser(scenario, grace.Email).Id, CancellationToken.None));
        Assert.NotNull(await worker.Store.Ledger.GetAsync(BothDirectionsScenario.OutboundRuleName, EntityKind.User, PingOneUser(scenario, "ada@example.com").Id, CancellationToken.None));

        // Settled: once a poll has taken that last rename, the next finds nothing new and nothing writes to Docusign any more.
        await SyncAsync(scenario, worker);
        var writes = DocusignWrites(scenario);
        var quiet = await SyncAsync(scenario, worker);
        Assert.Equal(0, quiet.Counts.Appeared + quiet.Counts.Changed + quiet.Counts.Disappeared);
        Assert.Equal(writes, DocusignWrites(scenario));
        await AssertOneEachSideAsync(scenario);
    }

    /// <summary>A manual poll, then every PingOne event it caused delivered to the gateway.</summary>
    private static async Task<SyncRun> SyncAsync(InboundScenario scenario, RunningInboundWorker worker)
    {
        await scenario.PingOne.WaitForDeliveryAsync(Patience);
        var result = await worker.SyncNowAsync();
        Assert.Equal(SyncRunStatus.Succeeded, result.Run?.Status);
        await scenario.PingOne.WaitForDeliveryAsync(Patience);
        return result.Run!;
    }

    private static Task<IReadOnlyList<DocusignAccountUser>> WaitForDocusignAsync(InboundScenario scenario, string email, Func<DocusignAccountUser, bool> condition, string because) =>
        Eventually.MatchesAsync(() => DocusignUsers(scenario, email), users => users.Count == 1 && condition(users[0]), Patience, because);

    /// <summary>Exactly one user per email on each side, for every email either side has.</summary>
    private static async Task AssertOneEachSideAsync(InboundScenario scenario)
    {
        await scenario.PingOne.WaitForDeliveryAsync(Patience);
        var pingOne = scenario.PingOne.State.Users().Where(user => user.Email is not null).GroupBy(user => user.Email!, StringComparer.OrdinalIgnoreCase).ToList();
        var docusign = OpenDocusignUsers(scenario).GroupBy(user => user.Email, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.All(pingOne, group => Assert.Single(group));
        Assert.All(docusign, group => Assert.Single(group));
        Assert.Equal(
            pingOne.Select(group => group.Key.ToLowerInvariant()).Order(StringComparer.Ordinal),
            docusign.Select(group => group.Key.ToLowerInvariant()).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<DocusignAccountUser> OpenDocusignUsers(InboundScenario scenario) =>
        scenario.Docusign.State.Users.Where(user => !string.Equals(user.UserStatus, "Closed", StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<DocusignAccountUser> DocusignUsers(InboundScenario scenario, string email) =>
        [.. OpenDocusignUsers(scenario).Where(user => string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))];

    private static DocusignAccountUser DocusignUser(InboundScenario scenario, string email) => Assert.Single(DocusignUsers(scenario, email));

    private static IReadOnlyList<EmulatedUser> PingOneUsers(InboundScenario scenario, string email) =>
        [.. scenario.PingOne.State.Users().Where(user => string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))];

    private static EmulatedUser PingOneUser(InboundScenario scenario, string email) => Assert.Single(PingOneUsers(scenario, email));

    private static int DocusignWrites(InboundScenario scenario) =>
        scenario.Docusign.State.Requests.Count(request => request.Method != "GET");
}
