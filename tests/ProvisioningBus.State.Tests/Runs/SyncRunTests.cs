using ProvisioningBus.State.Runs;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Runs;

public sealed class SyncRunTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_started_run_is_running_until_completed_with_its_counts(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var runId = Guid.NewGuid();
        var started = test.Clock.GetUtcNow();
        await test.Store.SyncRuns.StartAsync(runId, "inbound", SyncRunKind.Initial, started, test.Ct);

        Assert.Equal(
            new SyncRun(runId, "inbound", SyncRunKind.Initial, started, null, SyncRunStatus.Running, SyncRunCounts.None, null),
            await test.Store.SyncRuns.GetLatestAsync("inbound", test.Ct));

        var counts = new SyncRunCounts { Appeared = 120, Changed = 3, Disappeared = 1, Created = 118, Failed = 2 };
        Assert.True(await test.Store.SyncRuns.CompleteAsync(runId, SyncRunStatus.Failed, counts, "2 users rejected", started.AddMinutes(4), test.Ct));

        Assert.Equal(
            new SyncRun(runId, "inbound", SyncRunKind.Initial, started, started.AddMinutes(4), SyncRunStatus.Failed, counts, "2 users rejected"),
            await test.Store.SyncRuns.GetAsync(runId, test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_run_completes_only_once(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var runId = Guid.NewGuid();
        await test.Store.SyncRuns.StartAsync(runId, "inbound", SyncRunKind.Manual, test.Clock.GetUtcNow(), test.Ct);
        await test.Store.SyncRuns.CompleteAsync(runId, SyncRunStatus.Succeeded, SyncRunCounts.None, null, test.Clock.GetUtcNow(), test.Ct);

        Assert.False(await test.Store.SyncRuns.CompleteAsync(runId, SyncRunStatus.Failed, SyncRunCounts.None, "late", test.Clock.GetUtcNow(), test.Ct));
        Assert.False(await test.Store.SyncRuns.CompleteAsync(Guid.NewGuid(), SyncRunStatus.Failed, SyncRunCounts.None, null, test.Clock.GetUtcNow(), test.Ct));

        Assert.Equal(SyncRunStatus.Succeeded, (await test.Store.SyncRuns.GetAsync(runId, test.Ct))?.Status);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Recent_runs_of_a_rule_are_listed_newest_first(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var t = test.Clock.GetUtcNow();
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var i in new[] { 2, 0, 4, 1, 3 })
        {
            await test.Store.SyncRuns.StartAsync(ids[i], "inbound", SyncRunKind.Daily, t.AddDays(i), test.Ct);
        }

        await test.Store.SyncRuns.StartAsync(Guid.NewGuid(), "other", SyncRunKind.Daily, t.AddDays(10), test.Ct);

        var recent = await test.Store.SyncRuns.ListRecentAsync("inbound", 3, test.Ct);

        Assert.Equal([ids[4], ids[3], ids[2]], recent.Select(r => r.RunId));
        Assert.Equal(ids[4], (await test.Store.SyncRuns.GetLatestAsync("inbound", test.Ct))?.RunId);
        Assert.Null(await test.Store.SyncRuns.GetLatestAsync("no-such-rule", test.Ct));
    }
}
