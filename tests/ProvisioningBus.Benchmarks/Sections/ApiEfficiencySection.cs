using System.Diagnostics;
using MassTransit;
using PingOne.Emulator.Directory;
using ProvisioningBus.Benchmarks.Deployment;
using ProvisioningBus.Benchmarks.Measurement;
using ProvisioningBus.Benchmarks.Reporting;
using ProvisioningBus.Contracts;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Benchmarks.Sections;

/// <summary>
/// 3. Docusign calls per change, counted from the emulator's request log (<c>/restapi</c> only, <c>/oauth</c> left out):
/// an initial sync of many users (SyncRule FullResync on an empty Docusign) and a burst of
/// membership changes over the pushed groups (adds grouped by group, then removes interleaved across groups). User
/// creations, updates and closes arriving as webhooks are P3a (<see cref="BulkUserChangesSection"/>).
/// </summary>
public sealed class ApiEfficiencySection : IBenchmarkSection
{
    private const string Prefix = "eff";

    public string Key => "efficiency";

    public string Name => "API efficiency";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var sizes = run.Sizes;
        await using var deployment = await OutboundDeployment.StartAsync(
            run.Broker, new DeploymentOptions { PushedGroups = sizes.MembershipGroups }, run.Logs, ct);
        using var poster = new WebhookPoster(deployment.Gateway.WebhookUri);
        var docusign = deployment.Docusign.State;
        var cursor = new ActivityCursor(deployment.PingOne, fromStart: true);

        // The pushed groups exist in Docusign before the burst, so the burst measures memberships only.
        await poster.PostAsync(cursor.Next("GROUP.CREATED"), WebhookPoster.MaxEventsPerPost, ct);
        await Waiting.UntilAsync(() => CustomGroups(deployment) == sizes.MembershipGroups, TimeSpan.FromSeconds(60), "pushed groups created in Docusign", ct);

        var users = await InitialSyncAsync(run, deployment, cursor, ct);
        await MembershipsAsync(run, deployment, poster, cursor, users, ct);
        run.ReportLogs("3");
    }

    private static async Task<IReadOnlyList<EmulatedUser>> InitialSyncAsync(BenchmarkRun run, OutboundDeployment deployment, ActivityCursor cursor, CancellationToken ct)
    {
        var n = run.Sizes.InitialSyncUsers;
        var users = BenchmarkDirectory.CreateUsers(deployment.PingOne, Prefix, n);
        // No subscription delivers these USER.CREATED events: the resync alone must find the users.
        cursor.Next("USER.CREATED");
        var calls = new DocusignCallLog(deployment.Docusign.State);
        var watch = Stopwatch.StartNew();
        var bus = deployment.Gateway.Services.GetRequiredService<IBus>();
        await bus.Publish(new SyncRule { RuleName = OutboundDeployment.RuleName, Kind = SyncKind.FullResync, RequestedBy = "benchmark", RequestedAt = DateTimeOffset.UtcNow }, ct);
        SyncRun? finished = null;
        await Waiting.UntilAsync(
            async () => (finished = await deployment.Store.SyncRuns.GetLatestAsync(OutboundDeployment.RuleName, ct)) is { Kind: SyncRunKind.FullResync, CompletedAt: not null },
            TimeSpan.FromSeconds(Math.Max(120, n / 20.0)),
            "the full resync to complete",
            ct);
        var elapsed = watch.Elapsed;
        var inDocusign = BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, Prefix).Count;
        var made = calls.Since();
        var perChange = made.Count / (double)n;
        run.Table.Add(new ResultRow(
            "3", $"Docusign calls per user, initial sync of {n:N0} users (SyncRule FullResync, empty Docusign)",
            Format.Number(perChange, "0.0000"),
            $"target 0.01 ({made.Count:N0} calls)",
            Format.Ratio(perChange / 0.01),
            "≤ 0.01 (bulk create)",
            perChange <= 0.01 && inDocusign == n));
        run.Table.Note($"3: initial sync {finished!.Status} in {Format.Seconds(elapsed)} ({Format.Rate(n / elapsed.TotalSeconds, "users")}), counts {finished.Counts}, {inDocusign:N0} users in Docusign; calls: {DocusignCallLog.Describe(made)}.");
        return users;
    }

    private static async Task MembershipsAsync(BenchmarkRun run, OutboundDeployment deployment, WebhookPoster poster, ActivityCursor cursor, IReadOnlyList<EmulatedUser> users, CancellationToken ct)
    {
        var groups = deployment.GroupIds;
        var perGroup = Math.Min(run.Sizes.MembershipChanges, users.Count) / groups.Count;
        var n = perGroup * groups.Count;
        var timeout = TimeSpan.FromSeconds(Math.Max(120, n / 20.0));
        var docusignGroups = groups.Select(id => deployment.PingOne.State.FindGroup(id)!.Name)
            .Select(name => deployment.Docusign.State.FindGroupByName(name)!.GroupId)
            .ToList();
        int Members() => docusignGroups.Sum(id => deployment.Docusign.State.GetGroupMemberIds(id).Count);

        // An admin filling groups one after the other: the events arrive grouped by group.
        for (var g = 0; g < groups.Count; g++)
        {
            for (var k = 0; k < perGroup; k++)
            {
                deployment.PingOne.State.AddMember(users[(g * perGroup) + k].Id, groups[g]);
            }
        }

        await MeasureBurstAsync(run, deployment, poster, cursor.Next("MEMBER_OF_GROUP.CREATED"), n, groups.Count,
            "adds, grouped by group", () => Members() >= n, timeout, ct);

        // Removals in round-robin order: consecutive events touch different groups, the worst case for batching by group.
        for (var k = 0; k < perGroup; k++)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                deployment.PingOne.State.RemoveMember(users[(g * perGroup) + k].Id, groups[g]);
            }
        }

        await MeasureBurstAsync(run, deployment, poster, cursor.Next("MEMBER_OF_GROUP.DELETED"), n, groups.Count,
            "removes, interleaved across groups", () => Members() == 0, timeout, ct);
    }

    private static async Task MeasureBurstAsync(
        BenchmarkRun run, OutboundDeployment deployment, WebhookPoster poster, IReadOnlyList<global::PingOne.Emulator.Activities.RecordedActivity> events,
        int n, int groupCount, string shape, Func<bool> applied, TimeSpan timeout, CancellationToken ct)
    {
        var calls = new DocusignCallLog(deployment.Docusign.State);
        var watch = Stopwatch.StartNew();
        await poster.PostAsync(events, WebhookPoster.MaxEventsPerPost, ct);
        await Waiting.UntilAsync(applied, timeout, $"{n} membership {shape} applied in Docusign", ct);
        var elapsed = watch.Elapsed;
        var made = calls.Since();
        var perChange = made.Count / (double)n;
        run.Table.Add(new ResultRow(
            "3", $"Docusign calls per change, burst of {n:N0} membership {shape} over {groupCount} groups",
            Format.Number(perChange, "0.000"),
            $"target 0.05 ({made.Count:N0} calls)",
            Format.Ratio(perChange / 0.05),
            "≤ 0.05",
            perChange <= 0.05));
        run.Table.Note($"3: membership {shape} applied in {Format.Seconds(elapsed)} ({events.Count:N0} events posted); calls: {DocusignCallLog.Describe(made)}.");
    }

    private static int CustomGroups(OutboundDeployment deployment) =>
        deployment.Docusign.State.Groups.Count(group => group.GroupName.StartsWith("bench-group-", StringComparison.Ordinal));
}
