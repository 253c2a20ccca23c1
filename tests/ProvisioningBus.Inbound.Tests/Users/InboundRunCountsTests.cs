using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.Users;

/// <summary>Issue 14: an inbound run counts what the consumer did with the differences it published, not only the diff.</summary>
[Collection(InboundBrokerCollection.Name)]
public sealed class InboundRunCountsTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_snapshot_run_counts_the_PingOne_users_its_differences_created_updated_and_deleted()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var users = Enumerable.Range(1, 12).Select(i => scenario.SeedDocusignUser("New", $"User{i}")).ToList();

        // Only Active users are provisioned, so the one closed below is deleted in PingOne (without, it is left Unchanged).
        var worker = await scenario.StartWorkerAsync(new Dictionary<string, string?> { ["SyncOnlyActiveUsers"] = "true", ["MassDeletionGuard:MaxDeletionPercent"] = "100" });
        var provisioned = await scenario.WaitForPingOneAsync(
            found => users.All(user => found.ContainsKey(user.UserId)), "the twelve Docusign users are created in PingOne");
        // The emulator's account also holds its admin, an active user like the others: twelve new ones and that one.
        var created = provisioned.Count;
        Assert.Equal(13, created);
        var initial = await Eventually.MatchesAsync(
            worker.RunsAsync,
            runs => runs.Count == 1 && runs[0].Counts.Created == created,
            TimeSpan.FromSeconds(30),
            "the initial run counts the creates its differences made");
        Assert.Equal(new SyncRunCounts { Appeared = created, Created = created }, initial[0].Counts);

        await worker.Docusign.UpdateUserAsync(new DocusignUserUpdate(users[0].UserId) { LastName = "Renamed" });
        await worker.Docusign.CloseUsersAsync([users[1].UserId]);
        var manual = (await worker.SyncNowAsync()).Run!;
        var counted = await Eventually.MatchesAsync(
            () => worker.Store.SyncRuns.GetAsync(manual.RunId, CancellationToken.None),
            run => run!.Counts.Updated + run.Counts.Closed == 2,
            TimeSpan.FromSeconds(30),
            "the manual run counts the rename and the deletion");

        Assert.Equal(new SyncRunCounts { Changed = 2, Updated = 1, Closed = 1 }, counted!.Counts);
        // Counted once: by now every difference of the first run was applied long ago, and none counted again.
        Assert.Equal(new SyncRunCounts { Appeared = created, Created = created }, (await worker.Store.SyncRuns.GetAsync(initial[0].RunId, CancellationToken.None))!.Counts);
    }
}
