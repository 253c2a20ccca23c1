using Docusign.Emulator;
using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.Sync;

/// <summary>Several instances on one shared PostgreSQL store, as in production.</summary>
[Collection(InboundBrokerCollection.Name)]
public sealed class ConcurrentPollerTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Two_pollers_never_run_one_rule_at_once()
    {
        await using var scenario = await InboundScenario.StartAsync(broker, onPostgres: true);
        for (var i = 0; i < 250; i++)
        {
            scenario.SeedDocusignUser($"User{i:000}", "Staff");
        }

        // Each page of GET /users takes a while, so runs asked for together really do overlap in time.
        scenario.Docusign.State.SetFaults(new EmulatorFaultSettings { PathPrefix = "/restapi", Latency = TimeSpan.FromMilliseconds(100) });
        var rule = new Dictionary<string, string?> { ["UserFilter:Conditions:0:Attribute"] = "jobTitle", ["UserFilter:Conditions:0:Value"] = "Engineer" };
        var first = await scenario.StartWorkerAsync(rule);
        var second = await scenario.StartWorkerAsync(rule);

        // Both pollers checked at start-up; whichever got the lease ran the initial sync.
        await Eventually.MatchesAsync(first.RunsAsync, runs => runs.Count == 1 && runs[0].CompletedAt is not null, TimeSpan.FromSeconds(30), "the initial sync completes");

        // Rounds of two simultaneous requests until one has run to completion and one was turned away as Busy. A
        // poller's own scheduled check may hold the lease through a round, so the count of rounds is bounded, not fixed.
        var results = new List<InboundSyncResult>();
        for (var round = 0; round < 20 && !(results.Any(r => r.Outcome == InboundSyncOutcome.Busy) && results.Any(r => r.Outcome == InboundSyncOutcome.Completed)); round++)
        {
            results.AddRange(await Task.WhenAll(first.SyncNowAsync(), second.SyncNowAsync()));
        }

        Assert.Contains(results, result => result.Outcome == InboundSyncOutcome.Busy);
        Assert.Contains(results, result => result.Outcome == InboundSyncOutcome.Completed);
        var runs = (await first.RunsAsync()).OrderBy(run => run.StartedAt).ToList();
        Assert.All(runs, run => Assert.NotNull(run.CompletedAt));
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].StartedAt >= runs[i - 1].CompletedAt, $"run {runs[i].RunId} started before run {runs[i - 1].RunId} completed");
        }

        var users = await scenario.WaitForPingOneAsync(u => u.Count == 250, "every user is provisioned");
        Assert.Equal(250, scenario.PingOne.State.Users().Count);
        Assert.Equal(250, users.Values.Select(user => user.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_lease_whose_holder_died_expires_and_the_rule_runs_again()
    {
        await using var scenario = await InboundScenario.StartAsync(broker, onPostgres: true);
        scenario.SeedDocusignUser("Ada", "Lovelace");
        var worker = await scenario.StartWorkerAsync(new Dictionary<string, string?>());
        await Eventually.MatchesAsync(worker.RunsAsync, runs => runs.Count == 1 && runs[0].CompletedAt is not null, TimeSpan.FromSeconds(30), "the initial sync completes");

        // An instance that took the lease and died: nobody renews it.
        await Eventually.MatchesAsync(
            () => worker.Store.Leases.TryAcquireAsync(InboundSyncRunner.LeaseName(InboundScenario.RuleName), "dead-instance", TimeSpan.FromSeconds(5), CancellationToken.None),
            taken => taken,
            TimeSpan.FromSeconds(10),
            "the finished run releases the lease");
        Assert.Equal(InboundSyncOutcome.Busy, (await worker.SyncNowAsync()).Outcome);

        var after = await Eventually.MatchesAsync(
            () => worker.SyncNowAsync(), result => result.Outcome == InboundSyncOutcome.Completed, TimeSpan.FromSeconds(20), "the dead holder's lease expires");
        Assert.Equal(SyncRunStatus.Succeeded, after.Run?.Status);
    }
}
