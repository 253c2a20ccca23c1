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

        var counts = new SyncRunCounts
        {
            Appeared = 120, Changed = 3, Disappeared = 1, Created = 110, Adopted = 4, Updated = 3, Unchanged = 7, Closed = 1, Skipped = 5, Failed = 2,
        };
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

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Counts_added_while_a_run_is_running_and_after_it_completed_are_kept_by_its_completion(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var runId = Guid.NewGuid();
        await test.Store.SyncRuns.StartAsync(runId, "inbound", SyncRunKind.Daily, test.Clock.GetUtcNow(), test.Ct);

        // An inbound run's consumer applies the first differences before the runner completes the run with its diff.
        Assert.True(await test.Store.SyncRuns.AddAsync(runId, new SyncRunCounts { Created = 2, Failed = 1 }, test.Ct));
        await test.Store.SyncRuns.CompleteAsync(
            runId, SyncRunStatus.Succeeded, new SyncRunCounts { Appeared = 5, Changed = 1, Disappeared = 1, Skipped = 1 }, null, test.Clock.GetUtcNow(), test.Ct);
        Assert.True(await test.Store.SyncRuns.AddAsync(runId, new SyncRunCounts { Created = 1, Updated = 1 }, test.Ct));
        Assert.True(await test.Store.SyncRuns.AddAsync(runId, new SyncRunCounts { Adopted = 1, Unchanged = 2, Closed = 1 }, test.Ct));

        Assert.Equal(
            new SyncRunCounts { Appeared = 5, Changed = 1, Disappeared = 1, Created = 3, Adopted = 1, Updated = 1, Unchanged = 2, Closed = 1, Skipped = 1, Failed = 1 },
            (await test.Store.SyncRuns.GetAsync(runId, test.Ct))?.Counts);
        Assert.False(await test.Store.SyncRuns.AddAsync(Guid.NewGuid(), new SyncRunCounts { Created = 1 }, test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Concurrent_additions_all_count(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var runId = Guid.NewGuid();
        await test.Store.SyncRuns.StartAsync(runId, "inbound", SyncRunKind.Daily, test.Clock.GetUtcNow(), test.Ct);
        var instances = Enumerable.Range(0, 4).Select(_ => test.Open()).ToList();

        // A read-modify-write would lose some of these; the increment is one statement.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(
            () => instances[i % instances.Count].SyncRuns.AddAsync(runId, new SyncRunCounts { Created = 1, Unchanged = 2 }, test.Ct))));

        var counts = (await test.Store.SyncRuns.GetAsync(runId, test.Ct))!.Counts;
        Assert.Equal((40L, 80L), (counts.Created, counts.Unchanged));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_change_added_once_counts_once_however_often_it_is_added(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var runId = Guid.NewGuid();
        var other = Guid.NewGuid();
        await test.Store.SyncRuns.StartAsync(runId, "inbound", SyncRunKind.Daily, test.Clock.GetUtcNow(), test.Ct);
        await test.Store.SyncRuns.StartAsync(other, "inbound", SyncRunKind.Daily, test.Clock.GetUtcNow().AddDays(1), test.Ct);

        Assert.True(await test.Store.SyncRuns.AddOnceAsync(runId, "d1", new SyncRunCounts { Created = 1 }, test.Ct));
        // A redelivery of the same difference: its second outcome (the user is linked now) is not counted.
        Assert.False(await test.Store.SyncRuns.AddOnceAsync(runId, "d1", new SyncRunCounts { Unchanged = 1 }, test.Ct));
        Assert.True(await test.Store.SyncRuns.AddOnceAsync(runId, "d2", new SyncRunCounts { Updated = 1 }, test.Ct));
        // The same user in the next run's snapshot is another change.
        Assert.True(await test.Store.SyncRuns.AddOnceAsync(other, "d1", new SyncRunCounts { Unchanged = 1 }, test.Ct));
        // An unknown run keeps no mark: were it started later, its change would still count.
        var unknown = Guid.NewGuid();
        Assert.False(await test.Store.SyncRuns.AddOnceAsync(unknown, "d1", new SyncRunCounts { Created = 1 }, test.Ct));
        await test.Store.SyncRuns.StartAsync(unknown, "inbound", SyncRunKind.Daily, test.Clock.GetUtcNow().AddDays(2), test.Ct);
        Assert.True(await test.Store.SyncRuns.AddOnceAsync(unknown, "d1", new SyncRunCounts { Created = 1 }, test.Ct));

        Assert.Equal(new SyncRunCounts { Created = 1, Updated = 1 }, (await test.Store.SyncRuns.GetAsync(runId, test.Ct))?.Counts);
        Assert.Equal(new SyncRunCounts { Unchanged = 1 }, (await test.Store.SyncRuns.GetAsync(other, test.Ct))?.Counts);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Counted_changes_are_forgotten_a_week_later_when_a_run_starts(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var runId = Guid.NewGuid();
        await test.Store.SyncRuns.StartAsync(runId, "inbound", SyncRunKind.Daily, test.Clock.GetUtcNow(), test.Ct);
        Assert.True(await test.Store.SyncRuns.AddOnceAsync(runId, "d1", new SyncRunCounts { Created = 1 }, test.Ct));

        test.Clock.Advance(TimeSpan.FromDays(6));
        await test.Store.SyncRuns.StartAsync(Guid.NewGuid(), "inbound", SyncRunKind.Daily, test.Clock.GetUtcNow(), test.Ct);
        Assert.False(await test.Store.SyncRuns.AddOnceAsync(runId, "d1", new SyncRunCounts { Created = 1 }, test.Ct));

        test.Clock.Advance(TimeSpan.FromDays(2));
        await test.Store.SyncRuns.StartAsync(Guid.NewGuid(), "inbound", SyncRunKind.Daily, test.Clock.GetUtcNow(), test.Ct);
        Assert.True(await test.Store.SyncRuns.AddOnceAsync(runId, "d1", new SyncRunCounts { Created = 1 }, test.Ct));
        Assert.Equal(2L, (await test.Store.SyncRuns.GetAsync(runId, test.Ct))!.Counts.Created);
    }
}
