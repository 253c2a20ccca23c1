using System.Diagnostics;
using System.Globalization;
using Docusign.Emulator;
using Microsoft.Extensions.Time.Testing;
using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Snapshots;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Runs;
using Xunit.Abstractions;

namespace ProvisioningBus.Inbound.Tests.Sync;

/// <summary>
/// The incremental daily poll end to end: Docusign emulator (eSignature and Admin API, on one clock with the worker's
/// schedule) → poller → RabbitMQ → consumer → PingOne emulator, on a real store. Which path a run took is read from the
/// calls the emulator answered: a full poll pages eSignature's <c>GET /users</c>, an incremental one the Admin API's.
/// The rule's filter takes the few users named "Tracked", so PingOne work stays small while the listing is the account's.
/// </summary>
[Collection(InboundBrokerCollection.Name)]
public sealed class IncrementalPollTests(RabbitMqFixture broker, ITestOutputHelper output)
{
    /// <summary>The account size.</summary>
    private const int AccountSize = 100_000;

    private const int Tracked = 10;

    private static readonly DateTimeOffset Sunday0900 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_daily_run_on_an_account_with_one_percent_changed_costs_about_one_percent_of_a_full_poll_and_applies_the_changes()
    {
        var clock = new FakeTimeProvider(Sunday0900);
        await using var scenario = await StartAsync(clock);
        var users = Seed(scenario, clock, AccountSize);
        await using var worker = await StartWorkerAsync(scenario, clock, Rule(scenario));
        await WaitForInitialSyncAsync(scenario, worker);
        var fullPoll = Calls(scenario);
        output.WriteLine($"Full poll of {AccountSize:N0} users: {fullPoll.Esignature:N0} eSignature calls, {fullPoll.Admin:N0} Admin API calls.");
        Assert.Equal(0, fullPoll.Admin);
        Assert.InRange(fullPoll.Esignature, AccountSize / 100, AccountSize / 100 + 2);

        // 1 % of the account changes an hour later: one tracked user renamed, one closed, the rest untracked.
        clock.Advance(TimeSpan.FromHours(1));
        var changed = AccountSize / 100;
        var renamed = users.Tracked[0];
        var closed = users.Tracked[1];
        var updates = users.Untracked.Take(changed - 2).Select(id => new DocusignUserUpdate(id) { LastName = "Renamed" })
            .Append(new DocusignUserUpdate(renamed) { LastName = "Hopper" })
            .ToList();
        Assert.All(await worker.Docusign.UpdateUsersAsync(updates), r => Assert.True(r.Succeeded));
        Assert.All(await worker.Docusign.CloseUsersAsync([closed]), r => Assert.True(r.Succeeded));
        scenario.Docusign.State.ClearRequests();

        var watch = Stopwatch.StartNew();
        var run = (await worker.SyncNowAsync(SyncRunKind.Daily)).Run!;
        var incremental = Calls(scenario);
        output.WriteLine(
            $"Incremental run, {changed:N0} changed: {incremental.Esignature:N0} eSignature calls, {incremental.Admin:N0} Admin API calls "
            + $"({(double)incremental.Total / fullPoll.Total:P1} of the full poll), {watch.ElapsedMilliseconds:N0} ms.");

        Assert.Equal((SyncRunStatus.Succeeded, 0L, 2L, 0L), (run.Status, run.Counts.Appeared, run.Counts.Changed, run.Counts.Disappeared));
        Assert.Equal(changed - 2, run.Counts.Skipped);
        Assert.Equal(0, incremental.Esignature);
        Assert.Equal((changed + 99) / 100, incremental.Admin);
        Assert.InRange(incremental.Total, 1, fullPoll.Total * 15 / 1000);

        await scenario.WaitForPingOneAsync(
            provisioned => provisioned.TryGetValue(renamed, out var user) && user.Name?.Family == "Hopper",
            "the renamed Docusign user's new last name reaches PingOne");
        var stored = await StoredStatusesAsync(worker);
        Assert.Equal(Tracked, stored.Count);
        Assert.Equal("Closed", stored[closed]);
    }

    [Fact]
    public async Task A_failed_run_breaks_the_chain_and_the_next_daily_run_takes_a_full_snapshot_then_continues_incrementally()
    {
        var clock = new FakeTimeProvider(Sunday0900);
        await using var scenario = await StartAsync(clock);
        var users = Seed(scenario, clock, 1_000);
        await using var worker = await StartWorkerAsync(scenario, clock, Rule(scenario));
        await WaitForInitialSyncAsync(scenario, worker);

        clock.Advance(TimeSpan.FromHours(1));
        scenario.Docusign.State.SetFaults(new EmulatorFaultSettings { FailNextRequests = 1, PathPrefix = "/management" });
        Assert.Equal(SyncRunStatus.Failed, (await worker.SyncNowAsync(SyncRunKind.Daily)).Run!.Status);
        scenario.Docusign.State.ClearFaults();

        // A job title is what the Admin API's listing cannot carry; the full snapshot that repairs the chain reads it.
        Assert.All(await worker.Docusign.UpdateUsersAsync([new DocusignUserUpdate(users.Tracked[0]) { JobTitle = "Architect" }]), r => Assert.True(r.Succeeded));
        var repaired = await DailyRunAsync(scenario, worker, clock);
        Assert.Equal((0L, 10L), (repaired.Calls.Admin, repaired.Calls.Esignature));
        Assert.Equal(1, repaired.Run.Counts.Changed);

        var next = await DailyRunAsync(scenario, worker, clock);
        Assert.Equal((1L, 0L), (next.Calls.Admin, next.Calls.Esignature));
        Assert.Equal(0, next.Run.Counts.Changed);
    }

    [Fact]
    public async Task A_daily_run_takes_a_full_snapshot_when_the_cadence_is_due_which_then_counts_from_it()
    {
        var clock = new FakeTimeProvider(Sunday0900);
        await using var scenario = await StartAsync(clock);
        Seed(scenario, clock, 1_000);
        var rule = Rule(scenario);
        rule["Incremental:FullSnapshotEvery"] = TimeSpan.FromHours(2).ToString("c", CultureInfo.InvariantCulture);
        await using var worker = await StartWorkerAsync(scenario, clock, rule);
        await WaitForInitialSyncAsync(scenario, worker);

        Assert.Equal((1L, 0L), (await DailyRunAsync(scenario, worker, clock)).Calls.Pair);   // 10:00, 1 h after the initial full one
        Assert.Equal((0L, 10L), (await DailyRunAsync(scenario, worker, clock)).Calls.Pair);  // 11:00, 2 h: due
        Assert.Equal((1L, 0L), (await DailyRunAsync(scenario, worker, clock)).Calls.Pair);   // 12:00, 1 h after 11:00
        Assert.Equal((0L, 10L), (await DailyRunAsync(scenario, worker, clock)).Calls.Pair);  // 13:00, due again
    }

    private async Task<InboundScenario> StartAsync(FakeTimeProvider clock) =>
        await InboundScenario.StartAsync(broker, docusign: new DocusignEmulatorOptions
        {
            // One clock for Docusign's modification times and the runs' cursor; limits out of the way of 1,000-page polls.
            TimeProvider = clock,
            HourlyLimit = 10_000_000,
            BurstLimit = 10_000_000,
        });

    private static Dictionary<string, string?> Rule(InboundScenario scenario) => new()
    {
        ["Incremental:OrganizationId"] = scenario.Docusign.Options.OrganizationId,
        ["UserFilter:Conditions:0:Attribute"] = "firstName",
        ["UserFilter:Conditions:0:Operator"] = "equals",
        ["UserFilter:Conditions:0:Value"] = "Tracked",
    };

    private static async Task<RunningInboundWorker> StartWorkerAsync(InboundScenario scenario, FakeTimeProvider clock, Dictionary<string, string?> rule)
    {
        var settings = scenario.Settings(rule);
        // A failed Admin call fails the run at once (no transient retry), the poller does not retry a failed daily run
        // behind the test's back, and the poll competes as live work: none of that is under test here.
        settings[$"Docusign:Connections:{InboundScenario.ConnectionName}:TransientRetryCount"] = "0";
        settings["Inbound:FailedRunRetryDelay"] = "7.00:00:00";
        settings["Inbound:PollLiveReserve"] = "0";
        return await RunningInboundWorker.StartAsync(settings, clock);
    }

    /// <summary>
    /// Seeds the account up to <paramref name="size"/> users (the administrator is one): <see cref="Tracked"/> the rule
    /// takes, the rest it does not. They were last modified a day before the initial sync, outside its overlap.
    /// </summary>
    private static (IReadOnlyList<string> Tracked, IReadOnlyList<string> Untracked) Seed(InboundScenario scenario, FakeTimeProvider clock, int size)
    {
        var tracked = new List<string>();
        var untracked = new List<string>();
        for (var i = 1; i < size; i++)
        {
            var take = i <= Tracked;
            var number = i.ToString("D7", CultureInfo.InvariantCulture);
            var user = scenario.Docusign.State.SeedUser($"User {number}", $"user{number}@example.com", take ? "Tracked" : "User", number, "Engineer");
            (take ? tracked : untracked).Add(user.UserId);
        }

        clock.Advance(TimeSpan.FromDays(1));
        scenario.Docusign.State.ClearRequests();
        return (tracked, untracked);
    }

    private static async Task WaitForInitialSyncAsync(InboundScenario scenario, RunningInboundWorker worker)
    {
        await Eventually.MatchesAsync(
            () => worker.Store.RuleStates.GetAsync(InboundScenario.RuleName, CancellationToken.None),
            state => state?.DailySyncTimeOfDay is not null,
            TimeSpan.FromSeconds(120),
            "the poller's initial full sync completes");
        await scenario.WaitForPingOneAsync(provisioned => provisioned.Count == Tracked, "the tracked users are provisioned");
    }

    /// <summary>An hour later, a daily run (as the poller's), and the Docusign calls it made.</summary>
    private static async Task<(SyncRun Run, DocusignCalls Calls)> DailyRunAsync(InboundScenario scenario, RunningInboundWorker worker, FakeTimeProvider clock)
    {
        clock.Advance(TimeSpan.FromHours(1));
        scenario.Docusign.State.ClearRequests();
        var run = (await worker.SyncNowAsync(SyncRunKind.Daily)).Run!;
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        return (run, Calls(scenario));
    }

    private static DocusignCalls Calls(InboundScenario scenario) => new(
        scenario.Docusign.State.CountRequestsUnder("GET", "/restapi/"),
        scenario.Docusign.State.CountRequestsUnder("GET", "/management/"));

    private static async Task<Dictionary<string, string>> StoredStatusesAsync(RunningInboundWorker worker)
    {
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in worker.Store.InboundSnapshots.ReadOrderedAsync(InboundScenario.RuleName, CancellationToken.None))
        {
            statuses[row.DocusignUserId] = SnapshotRows.ReadAttributes(row).UserStatus;
        }

        return statuses;
    }

    private sealed record DocusignCalls(long Esignature, long Admin)
    {
        public long Total => Esignature + Admin;

        public (long Admin, long Esignature) Pair => (Admin, Esignature);
    }
}
