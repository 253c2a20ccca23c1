using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProvisioningBus.Contracts;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.Sync;

[Collection(InboundBrokerCollection.Name)]
public sealed class DailyScheduleTests(RabbitMqFixture broker)
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_daily_sync_runs_at_the_time_the_initial_sync_completed_and_a_manual_sync_does_not_move_it_across_a_restart()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        scenario.SeedDocusignUser("Ada", "Lovelace");
        var clock = new FakeTimeProvider(Monday0900);
        var initialTakesSevenMinutes = true;

        var first = await scenario.StartWorkerAsync(clock: clock, customize: services => services.HookSnapshotReplace(() =>
        {
            // The initial sync "lasts" from 09:00 to 09:07: its completion, not its start, must set the daily time.
            if (initialTakesSevenMinutes)
            {
                initialTakesSevenMinutes = false;
                clock.Advance(TimeSpan.FromMinutes(7));
            }
        }));
        var state = await Eventually.MatchesAsync(
            () => first.Store.RuleStates.GetAsync(InboundScenario.RuleName, CancellationToken.None),
            s => s?.DailySyncTimeOfDay is not null,
            TimeSpan.FromSeconds(30),
            "the initial sync completes");
        Assert.Equal(new TimeOnly(9, 7), state!.DailySyncTimeOfDay);
        var initial = Assert.Single(await first.RunsAsync());
        Assert.Equal((SyncRunKind.Initial, Monday0900, Monday0900.AddMinutes(7)), (initial.Kind, initial.StartedAt, initial.CompletedAt));

        clock.SetUtcNow(Monday0900.AddHours(6));
        await first.Commands.RequestSyncAsync(InboundScenario.RuleName, SyncKind.Manual, "test-operator", CancellationToken.None);
        var manual = await Eventually.MatchesAsync(
            first.RunsAsync, runs => runs.Any(run => run.Kind == SyncRunKind.Manual && run.CompletedAt is not null), TimeSpan.FromSeconds(30), "the manual sync runs");
        Assert.Equal(2, manual.Count);
        Assert.Equal(new TimeOnly(9, 7), (await first.Store.RuleStates.GetAsync(InboundScenario.RuleName, CancellationToken.None))!.DailySyncTimeOfDay);
        await first.StopAsync();

        // A new process on the same store: the daily time comes from the store, not from memory.
        var second = await scenario.StartWorkerAsync(clock: clock);
        clock.SetUtcNow(Monday0900.AddDays(1).AddMinutes(6));
        await WaitForCheckAsync(second, clock.GetUtcNow());
        Assert.DoesNotContain(await second.RunsAsync(), run => run.Kind == SyncRunKind.Daily);

        clock.SetUtcNow(Monday0900.AddDays(1).AddMinutes(7));
        var runs = await Eventually.MatchesAsync(
            second.RunsAsync, r => r.Any(run => run.Kind == SyncRunKind.Daily && run.CompletedAt is not null), TimeSpan.FromSeconds(30), "the daily sync runs at 09:07");
        var daily = Assert.Single(runs, run => run.Kind == SyncRunKind.Daily);
        Assert.Equal(Monday0900.AddDays(1).AddMinutes(7), daily.StartedAt);
        var status = await second.Status.ReadRuleAsync(InboundScenario.RuleName, CancellationToken.None);
        Assert.Equal(new TimeOnly(9, 7), status!.DailySyncTimeOfDay);
        Assert.Equal(Monday0900.AddDays(2).AddMinutes(7), status.NextSyncAt);
    }

    private static async Task WaitForCheckAsync(RunningInboundWorker worker, DateTimeOffset at) =>
        await Eventually.MatchesAsync(() => worker.Poller.LastCheckedAt, checkedAt => checkedAt >= at, TimeSpan.FromSeconds(30), $"the poller checks the schedule at {at:O}");
}
