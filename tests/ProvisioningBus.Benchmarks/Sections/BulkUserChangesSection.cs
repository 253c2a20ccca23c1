using ProvisioningBus.Benchmarks.Deployment;
using ProvisioningBus.Benchmarks.Measurement;
using ProvisioningBus.Benchmarks.Reporting;

namespace ProvisioningBus.Benchmarks.Sections;

/// <summary>
/// P3a. Docusign calls per user change when changes arrive as webhooks of 500 events (a burst of new hires, a
/// reorganisation's title changes, a wave of leavers): creations, title updates, then deletions (closes), counted from
/// the emulator's request log, beside a single isolated creation. Also the capacity each figure implies for one account
/// at Docusign's 3,000 calls per hour.
/// </summary>
public sealed class BulkUserChangesSection : IBenchmarkSection
{
    private const string Prefix = "bulk";
    private const double Target = 0.02;
    private const int HourlyBudget = 3_000;

    public string Key => "bulk";

    public string Name => "Bulk user changes (P3a)";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var n = run.Sizes.BulkChanges;
        await using var deployment = await OutboundDeployment.StartAsync(run.Broker, new DeploymentOptions(), run.Logs, ct);
        using var poster = new WebhookPoster(deployment.Gateway.WebhookUri);
        var cursor = new ActivityCursor(deployment.PingOne);
        var docusign = deployment.Docusign.State;
        var timeout = TimeSpan.FromSeconds(Math.Max(120, n / 20.0));

        var lone = BenchmarkDirectory.CreateUsers(deployment.PingOne, "lone", 1);
        var loneCalls = await MeasureAsync(poster, cursor.Next("USER.CREATED"), deployment, () => BenchmarkDirectory.DocusignUsers(docusign, "lone").Count == 1, "the lone user created", timeout, ct);
        run.Table.Add(new ResultRow("P3a", "Docusign calls for a single isolated creation (one webhook, one event)", Format.Number(loneCalls.Count),
            "target 2", Format.Ratio(loneCalls.Count / 2.0), "≤ 2", loneCalls.Count <= 2));
        run.Table.Note($"P3a: lone creation: {DocusignCallLog.Describe(loneCalls)}.");

        var users = BenchmarkDirectory.CreateUsers(deployment.PingOne, Prefix, n);
        Report(run, "creations", n, await MeasureAsync(poster, cursor.Next("USER.CREATED"), deployment,
            () => BenchmarkDirectory.DocusignUsers(docusign, Prefix).Count >= n, $"{n} users created", timeout, ct));

        const string Title = "Principal Engineer";
        foreach (var user in users)
        {
            deployment.PingOne.State.UpdateUser(user.Id, new global::PingOne.Emulator.Directory.EmulatedUserChanges { Title = Title });
        }

        Report(run, "title updates", n, await MeasureAsync(poster, cursor.Next("USER.UPDATED"), deployment,
            () => BenchmarkDirectory.DocusignUsers(docusign, Prefix).Count(user => user.JobTitle == Title) >= n, $"{n} titles updated", timeout, ct));

        foreach (var user in users)
        {
            deployment.PingOne.State.DeleteUser(user.Id);
        }

        Report(run, "deletions (closes)", n, await MeasureAsync(poster, cursor.Next("USER.DELETED"), deployment,
            () => BenchmarkDirectory.DocusignUsers(docusign, Prefix).Count(user => user.UserStatus == "Closed") >= n, $"{n} users closed", timeout, ct));
        run.ReportLogs("P3a");
    }

    private static async Task<IReadOnlyList<global::Docusign.Emulator.EmulatorRequestRecord>> MeasureAsync(
        WebhookPoster poster,
        IReadOnlyList<global::PingOne.Emulator.Activities.RecordedActivity> events,
        OutboundDeployment deployment,
        Func<bool> done,
        string what,
        TimeSpan timeout,
        CancellationToken ct)
    {
        var calls = new DocusignCallLog(deployment.Docusign.State);
        await poster.PostAsync(events, WebhookPoster.MaxEventsPerPost, ct);
        await Waiting.UntilAsync(done, timeout, what, ct);
        return calls.Since();
    }

    private static void Report(BenchmarkRun run, string what, int n, IReadOnlyList<global::Docusign.Emulator.EmulatorRequestRecord> calls)
    {
        var perChange = calls.Count / (double)n;
        run.Table.Add(new ResultRow("P3a", $"Docusign calls per change, {n:N0} {what} in webhooks of 500 events",
            Format.Number(perChange, "0.0000"), $"target {Target} ({calls.Count:N0} calls)", Format.Ratio(perChange / Target), $"≤ {Target}", perChange <= Target));
        run.Table.Add(new ResultRow("P3a", $"Implied capacity of one account for {what} (3,000 calls/hour ÷ calls per change)",
            perChange == 0 ? "n/a" : Format.Number(HourlyBudget / perChange) + " per hour", "before: 1,500 creates, 3,000 updates, 3,000 closes per hour", "–", "–", null));
        run.Table.Note($"P3a: {what}: {DocusignCallLog.Describe(calls)}.");
    }
}
