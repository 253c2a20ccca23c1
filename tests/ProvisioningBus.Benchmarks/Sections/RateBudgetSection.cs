using Docusign.Emulator;
using ProvisioningBus.Benchmarks.Deployment;
using ProvisioningBus.Benchmarks.Measurement;
using ProvisioningBus.Benchmarks.Reporting;

namespace ProvisioningBus.Benchmarks.Sections;

/// <summary>
/// 4. User creations against Docusign's 3,000/hour + 500/30 s budget on a compressed clock shared by the emulator
/// and the worker. A uniformly compressed clock lets only one limit bind at a time (the worker's speed is real
/// time), so two runs: a fast clock where the hour binds, and a slow one where the 30-second window binds.
/// Budget use = calls Docusign admitted per window ÷ the window's limit, over the windows the run spanned
/// completely (the first, entered mid-way, and the last, where the work ran out, are left out).
/// </summary>
public sealed class RateBudgetSection : IBenchmarkSection
{
    private const int HourlyLimit = 3_000;
    private const int BurstLimit = 500;
    private static readonly TimeSpan BurstWindow = TimeSpan.FromSeconds(30);

    public string Key => "rate";

    public string Name => "Rate budget";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        await MeasureAsync(run, "hourly-bound", run.Sizes.HourlyBoundChanges, run.Sizes.HourlyBoundTimeScale, TimeSpan.FromHours(1), HourlyLimit, ct);
        await MeasureAsync(run, "burst-bound", run.Sizes.BurstBoundChanges, run.Sizes.BurstBoundTimeScale, BurstWindow, BurstLimit, ct);
        run.ReportLogs("4");
    }

    private static async Task MeasureAsync(BenchmarkRun run, string name, int n, double scale, TimeSpan window, int limit, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        // The compressed clock starts at the top of the current hour so that the whole burst-bound run lies in one hour.
        var clock = new ScaledTimeProvider(scale, new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero));
        var options = new DeploymentOptions
        {
            Clock = clock,
            Store = run.ServerStore,
            Docusign = DeploymentOptions.Unlimited() with { HourlyLimit = HourlyLimit, BurstLimit = BurstLimit, BurstWindow = BurstWindow },
        };
        await using var deployment = await OutboundDeployment.StartAsync(run.Broker, options, run.Logs, ct);
        using var poster = new WebhookPoster(deployment.Gateway.WebhookUri);
        var cursor = new ActivityCursor(deployment.PingOne);
        BenchmarkDirectory.CreateUsers(deployment.PingOne, "rate", n);
        var events = cursor.Next("USER.CREATED");
        var calls = new DocusignCallLog(deployment.Docusign.State);
        var startedAt = clock.GetUtcNow();
        var realStart = DateTimeOffset.UtcNow;

        // Creation costs about two calls (lookup by email, then create): the run needs that many windows' budget.
        var windowsNeeded = 2.0 * n / limit;
        var realWindow = window / scale;
        var timeout = TimeSpan.FromSeconds(60) + (realWindow * (windowsNeeded + 2) * 2);
        await poster.PostAsync(events, WebhookPoster.MaxEventsPerPost, ct);
        await Waiting.UntilAsync(
            () => BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "rate").Count >= n,
            timeout,
            $"{n} users created under the rate limit",
            ct,
            () => $"{BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "rate").Count} so far");
        var realElapsed = DateTimeOffset.UtcNow - realStart;
        var emulatedElapsed = clock.GetUtcNow() - startedAt;
        var made = calls.Since();
        var rejected = made.Count(call => call.StatusCode == 429);
        var perWindow = made.Where(call => call.StatusCode is > 0 and not 429)
            .GroupBy(call => call.Timestamp.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds)
            .OrderBy(group => group.Key)
            .Select(group => group.Count())
            .ToList();
        var complete = perWindow.Count > 2 ? perWindow.Skip(1).Take(perWindow.Count - 2).ToList() : [];
        var use = complete.Count == 0 ? double.NaN : complete.Sum() / (double)(complete.Count * limit);
        var windowName = window == TimeSpan.FromHours(1) ? "hour" : "30 s window";

        run.Table.Add(new ResultRow(
            "4", $"429 answers, {n:N0} creations, {name} (clock ×{scale:0}: an emulated {windowName} = {Format.Seconds(realWindow)} real; {run.ServerStore})",
            Format.Number(rejected),
            $"{made.Count:N0} calls in all",
            Format.Percent(made.Count == 0 ? 0 : rejected / (double)made.Count),
            "0",
            rejected == 0));
        run.Table.Add(new ResultRow(
            "4", $"Budget use, {name}: admitted calls per {windowName} ÷ {limit:N0}, over {complete.Count} complete windows",
            complete.Count == 0 ? "n/a (run shorter than 3 windows)" : Format.Percent(use),
            $"limit {limit:N0} per {windowName}",
            complete.Count == 0 ? "–" : Format.Ratio(use),
            "≥ 90 %",
            complete.Count == 0 ? null : use >= 0.9));
        run.Table.Note($"4 {name}: {Format.Seconds(realElapsed)} real = {emulatedElapsed.TotalHours:0.00} emulated hours; admitted calls per window: " +
            $"[{string.Join(", ", perWindow)}]; {Format.Number(n / emulatedElapsed.TotalHours)} creations per emulated hour; calls: {DocusignCallLog.Describe(made)}.");
    }
}
