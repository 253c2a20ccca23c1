using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.Sync;

[Collection(InboundBrokerCollection.Name)]
public sealed class InterruptedRunTests(RabbitMqFixture broker)
{
    private static readonly Dictionary<string, string?> Engineers = new()
    {
        ["UserFilter:Conditions:0:Attribute"] = "jobTitle",
        ["UserFilter:Conditions:0:Value"] = "Engineer",
    };

    [Fact]
    public async Task A_poller_killed_after_publishing_but_before_storing_its_snapshot_loses_no_change()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var ada = scenario.SeedDocusignUser("Ada", "Lovelace");
        scenario.SeedDocusignUser("Bob", "Kahn");
        scenario.SeedDocusignUser("Cy", "Young");

        await using (var killed = await scenario.StartWorkerAsync(
            Engineers, customize: services => services.HookSnapshotReplace(() => throw new InvalidOperationException("process killed before storing the snapshot"))))
        {
            var failed = await Eventually.MatchesAsync(
                killed.RunsAsync, runs => runs.Count == 1 && runs[0].CompletedAt is not null, TimeSpan.FromSeconds(30), "the initial run ends");
            Assert.Equal(SyncRunStatus.Failed, failed[0].Status);
            await scenario.WaitForPingOneAsync(users => users.Count == 3, "the differences published before the crash are applied");
            Assert.Equal(0, await killed.Store.InboundSnapshots.CountAsync(InboundScenario.RuleName, CancellationToken.None));
            await killed.Docusign.UpdateUserAsync(new DocusignUserUpdate(ada.UserId) { LastName = "Byron" });
        }

        // The next run (here asked for at once) diffs against the old, empty snapshot, so everything is republished.
        var restarted = await scenario.StartWorkerAsync(Engineers);
        var retried = await restarted.SyncNowAsync();

        Assert.Equal(SyncRunStatus.Succeeded, retried.Run?.Status);
        Assert.Equal(3, retried.Run!.Counts.Appeared);
        var users = await scenario.WaitForPingOneAsync(
            u => u.TryGetValue(ada.UserId, out var user) && user.Name?.Family == "Byron", "the change made after the crash arrives");
        Assert.Equal(3, users.Count);
        Assert.Equal(3, scenario.PingOne.State.Users().Count);
        Assert.Equal(3, await restarted.Store.InboundSnapshots.CountAsync(InboundScenario.RuleName, CancellationToken.None));
    }

    [Fact]
    public async Task A_PingOne_user_created_before_its_link_was_stored_is_adopted_not_duplicated()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var ada = scenario.SeedDocusignUser("Ada", "Lovelace");
        // What a consumer that died between PingOne's create and the link write leaves behind.
        var orphan = scenario.PingOne.State.CreateUser("Ada Lovelace", ada.Email, populationId: scenario.PopulationId, externalId: ada.UserId);

        var worker = await scenario.StartWorkerAsync(Engineers);

        var link = await Eventually.MatchesAsync<InboundLink?>(
            () => worker.Store.InboundLinks.GetAsync(InboundScenario.RuleName, ada.UserId, CancellationToken.None),
            l => l is not null, TimeSpan.FromSeconds(30), "the orphan is linked");
        Assert.Equal(orphan.Id, link!.PingOneUserId);
        Assert.Single(scenario.PingOne.State.Users());
    }
}
