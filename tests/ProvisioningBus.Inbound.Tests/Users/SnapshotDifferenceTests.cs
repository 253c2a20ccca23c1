using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.Users;

[Collection(InboundBrokerCollection.Name)]
public sealed class SnapshotDifferenceTests(RabbitMqFixture broker)
{
    private static readonly Dictionary<string, string?> EngineersOnlyActive = new()
    {
        ["SyncOnlyActiveUsers"] = "true",
        ["UserFilter:Conditions:0:Attribute"] = "jobTitle",
        ["UserFilter:Conditions:0:Value"] = "Engineer",
        ["MassDeletionGuard:MaxDeletionPercent"] = "100",
    };

    [Fact]
    public async Task Appeared_changed_disappeared_and_status_changed_Docusign_users_reach_PingOne()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var ada = scenario.SeedDocusignUser("Ada", "Lovelace");
        var bob = scenario.SeedDocusignUser("Bob", "Kahn");
        var cy = scenario.SeedDocusignUser("Cy", "Young");
        var dee = scenario.SeedDocusignUser("Dee", "Sales", jobTitle: "Sales");
        var eve = scenario.SeedDocusignUser("Eve", "Pending", status: "ActivationSent");

        // The poller's first check is the initial full sync.
        var worker = await scenario.StartWorkerAsync(EngineersOnlyActive);
        var initial = await scenario.WaitForPingOneAsync(users => users.Count == 3, "the three active engineers are created");
        await Eventually.MatchesAsync(worker.RunsAsync, runs => runs.Count == 1 && runs[0].CompletedAt is not null, TimeSpan.FromSeconds(30), "the initial sync completes");
        Assert.Equal(new[] { ada.UserId, bob.UserId, cy.UserId }.Order(StringComparer.Ordinal), initial.Keys.Order(StringComparer.Ordinal));
        var adaInPingOne = initial[ada.UserId];
        Assert.Equal("Ada Lovelace", adaInPingOne.Username);
        Assert.Equal(ada.Email, adaInPingOne.Email);
        Assert.Equal("Ada", adaInPingOne.Name?.Given);
        Assert.Equal("Lovelace", adaInPingOne.Name?.Family);
        Assert.Equal("Engineer", adaInPingOne.Title);
        Assert.Equal(scenario.PopulationId, adaInPingOne.PopulationId);
        Assert.DoesNotContain(dee.UserId, initial.Keys);
        Assert.DoesNotContain(eve.UserId, initial.Keys);

        // The consumer links a user just after creating it in PingOne; the guard counts linked users, so the next
        // diff must not start before all three links exist.
        await Eventually.MatchesAsync(
            () => worker.Status.ReadRuleAsync(InboundScenario.RuleName, CancellationToken.None),
            s => s!.Users is { Success: 3 },
            TimeSpan.FromSeconds(30),
            "the three creates are recorded");

        // Writes carry our worker application's client id: the gateway's IgnoredActorClientIds drops their echo.
        Assert.All(
            scenario.PingOne.Activities.Snapshot().Where(activity => activity.ActionType == "USER.CREATED"),
            activity => Assert.Equal(scenario.PingOne.ClientId, activity.ActorClientId));

        await worker.Docusign.UpdateUserAsync(new DocusignUserUpdate(ada.UserId) { LastName = "Byron" });
        await worker.Docusign.UpdateUserAsync(new DocusignUserUpdate(bob.UserId) { JobTitle = "Sales" });
        await worker.Docusign.CloseUsersAsync([cy.UserId]);
        scenario.Docusign.State.ActivateUser(eve.UserId);
        var fay = scenario.SeedDocusignUser("Fay", "New");

        var manual = await worker.SyncNowAsync();

        Assert.Equal(SyncRunStatus.Succeeded, manual.Run?.Status);
        Assert.Equal(1, manual.Run!.Counts.Appeared);
        Assert.Equal(3, manual.Run.Counts.Changed);
        Assert.Equal(1, manual.Run.Counts.Disappeared);
        var after = await scenario.WaitForPingOneAsync(
            users => users.Count == 3 && users.ContainsKey(fay.UserId) && users.ContainsKey(eve.UserId)
                && users.TryGetValue(ada.UserId, out var a) && a.Name?.Family == "Byron",
            "Ada is renamed, Bob (left the filter) and Cy (closed) are deleted, Eve (activated) and Fay (new) are created");
        Assert.DoesNotContain(bob.UserId, after.Keys);
        Assert.DoesNotContain(cy.UserId, after.Keys);

        var unchanged = await worker.SyncNowAsync();

        Assert.Equal(SyncRunStatus.Succeeded, unchanged.Run?.Status);
        Assert.Equal(0, unchanged.Run!.Counts.Appeared + unchanged.Run.Counts.Changed + unchanged.Run.Counts.Disappeared);
        var status = await Eventually.MatchesAsync(
            () => worker.Status.ReadRuleAsync(InboundScenario.RuleName, CancellationToken.None),
            s => s!.Users is { Impacted: 3, Success: 3 },
            TimeSpan.FromSeconds(30),
            "the ledger forgets the deleted users");
        Assert.Equal(unchanged.Run.RunId, status!.LastRun?.RunId);
        Assert.NotNull(status.LastRunDuration);
        Assert.Equal(0, status.Users.Failed);
        var eveOutcome = await worker.Store.Ledger.GetAsync(InboundScenario.RuleName, EntityKind.User, eve.UserId, CancellationToken.None);
        Assert.Equal(SyncOutcome.Success, eveOutcome?.Outcome);
    }
}
