using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.Sync;

[Collection(InboundBrokerCollection.Name)]
public sealed class SyncOnlyActiveUsersTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Turning_on_Sync_Only_Active_Users_resyncs_at_once_and_deletes_only_the_inactive_users_this_rule_provisioned()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var ann = scenario.SeedDocusignUser("Ann", "Active");
        scenario.SeedDocusignUser("Ben", "Invited", status: "ActivationSent");
        scenario.SeedDocusignUser("Cat", "Closed", status: "Closed");
        var dan = scenario.SeedDocusignUser("Dan", "Invited", status: "ActivationSent");
        // Dan already has a PingOne account that this rule did not provision: it must survive.
        var dansAccount = scenario.PingOne.State.CreateUser("dan.existing", dan.Email, populationId: scenario.PopulationId);
        var rule = new Dictionary<string, string?>
        {
            ["SyncOnlyActiveUsers"] = "false",
            ["UserFilter:Conditions:0:Attribute"] = "jobTitle",
            ["UserFilter:Conditions:0:Value"] = "Engineer",
            ["MassDeletionGuard:MaxDeletionPercent"] = "100",
        };

        await using (var before = await scenario.StartWorkerAsync(rule))
        {
            await scenario.WaitForPingOneAsync(users => users.Count == 3, "Ann, Ben and Cat are provisioned whatever their status");
            await Eventually.MatchesAsync(
                () => before.Store.Ledger.GetAsync(InboundScenario.RuleName, EntityKind.User, dan.UserId, CancellationToken.None),
                outcome => outcome?.Outcome == SyncOutcome.Unsynced,
                TimeSpan.FromSeconds(30),
                "Dan is matched to his existing PingOne account instead of getting a duplicate");
        }

        rule["SyncOnlyActiveUsers"] = "true";
        var after = await scenario.StartWorkerAsync(rule);

        var remaining = await scenario.WaitForPingOneAsync(users => users.Count == 1, "the inactive users this rule provisioned are deleted");
        Assert.Equal([ann.UserId], remaining.Keys);
        Assert.NotNull(scenario.PingOne.State.FindUser(dansAccount.Id));
        Assert.Equal(2, scenario.PingOne.State.Users().Count);
        var resync = (await Eventually.MatchesAsync(
            after.RunsAsync, runs => runs[0].CompletedAt is not null, TimeSpan.FromSeconds(30), "the full resync stores its snapshot"))[0];
        Assert.Equal(SyncRunKind.FullResync, resync.Kind);
        Assert.Equal(SyncRunStatus.Succeeded, resync.Status);
    }
}
