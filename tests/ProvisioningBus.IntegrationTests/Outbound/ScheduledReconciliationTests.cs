using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>A change whose webhook was lost is repaired by the periodic reconciliation, with nobody asking.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ScheduledReconciliationTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task The_scheduled_reconciliation_repairs_a_change_whose_webhook_was_lost()
    {
        const string Rule = "drift";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var user = testbed.PingOne.State.CreateUser("drifter", "drifter@example.com", new EmulatedUserName("Drift", "Er"), title: "Analyst");
        await testbed.WaitForUserAsync(Rule, user.Email!, docusign => docusign.JobTitle == "Analyst", "the user is provisioned");

        await testbed.StopWorkersAsync();
        testbed.PingOne.SetSubscriptionEnabled(testbed.SubscriptionId, false);
        testbed.PingOne.State.UpdateUser(user.Id, new EmulatedUserChanges { Title = "Director" });
        testbed.Settings["Outbound:Reconciliation:Interval"] = "00:00:02";
        await testbed.StartWorkerAsync();

        await testbed.WaitForUserAsync(Rule, user.Email!, docusign => docusign.JobTitle == "Director", "the reconciliation repairs the lost change");
        // Runs follow each other every two seconds here: the one that repaired the change is among the recent ones.
        var runs = await Eventually.MatchesAsync(
            () => testbed.Store.SyncRuns.ListRecentAsync(Rule, 10, default),
            recent => recent.Any(run => run is { Kind: SyncRunKind.Scheduled, Status: SyncRunStatus.Succeeded, Counts.Updated: 1 }),
            TimeSpan.FromSeconds(30),
            "the scheduled run that updated the user is recorded");
        Assert.DoesNotContain(runs, run => run.Kind == SyncRunKind.FullResync);
    }
}
