using ProvisioningBus.Benchmarks.Deployment;
using ProvisioningBus.Benchmarks.Measurement;
using ProvisioningBus.Benchmarks.Reporting;

namespace ProvisioningBus.Benchmarks.Sections;

/// <summary>
/// P4. Three worker OS processes on one Docusign account spend one budget: user creations against a burst limit tight
/// enough that calls, not work, set the pace. Bulk calls make 20,000 creations about 40 calls, far inside Docusign's
/// 500 per 30 s, so the account is scaled down in both count and time: <see cref="BurstLimit"/> calls per
/// <see cref="BurstWindow"/> (the window compressed ×10, given to the emulator and to the workers' connections alike;
/// separate processes cannot share an injected clock) and batches of <see cref="BatchSize"/>. Budget use = calls Docusign
/// admitted per window ÷ the limit, over the windows the run spanned completely (the first, entered mid-way, and the
/// last, where the work ran out, are left out).
/// </summary>
public sealed class RateBudgetSection : IBenchmarkSection
{
    private const int Processes = 3;
    private const int BurstLimit = 10;
    private const int BatchSize = 100;
    private static readonly TimeSpan BurstWindow = TimeSpan.FromSeconds(3);

    public string Key => "rate";

    public string Name => "Rate budget shared by three worker processes (P4)";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var n = run.Sizes.SharedBudgetChanges;
        var options = new DeploymentOptions
        {
            Workers = 0,
            WorkerProcesses = Processes,
            Store = run.ServerStore,
            Docusign = DeploymentOptions.Unlimited() with { BurstLimit = BurstLimit, BurstWindow = BurstWindow, AccessTokenLifetime = TimeSpan.FromSeconds(20) },
            Settings = new Dictionary<string, string?>
            {
                [$"Docusign:Connections:{OutboundDeployment.ConnectionName}:BurstWindow"] = BurstWindow.ToString(),
                ["Outbound:Users:BatchMessageLimit"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        await using var deployment = await OutboundDeployment.StartAsync(run.Broker, options, run.Logs, ct);
        using var poster = new WebhookPoster(deployment.Gateway.WebhookUri);
        var cursor = new ActivityCursor(deployment.PingOne);
        BenchmarkDirectory.CreateUsers(deployment.PingOne, "rate", n);
        var events = cursor.Next("USER.CREATED");
        var calls = new DocusignCallLog(deployment.Docusign.State);
        var refreshesBefore = deployment.Docusign.State.RefreshCount;
        var tokenRequestsBefore = deployment.Docusign.State.TokenRequestCount;
        var started = DateTimeOffset.UtcNow;

        // About one call per batch: the run needs that many windows' budget, with room to spare.
        var windowsNeeded = (double)n / BatchSize / BurstLimit;
        var timeout = TimeSpan.FromSeconds(120) + (BurstWindow * (windowsNeeded + 2) * 3);
        await poster.PostAsync(events, WebhookPoster.MaxEventsPerPost, ct);
        await Waiting.UntilAsync(
            () => BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "rate").Count >= n,
            timeout,
            $"{n} users created under the rate limit by {Processes} processes",
            ct,
            () => $"{BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "rate").Count} so far");
        var elapsed = DateTimeOffset.UtcNow - started;
        var made = calls.Since();
        var rejected = made.Count(call => call.StatusCode == 429);
        var perWindow = made.Where(call => call.StatusCode is > 0 and not 429)
            .GroupBy(call => call.Timestamp.ToUnixTimeMilliseconds() / (long)BurstWindow.TotalMilliseconds)
            .OrderBy(group => group.Key)
            .Select(group => group.Count())
            .ToList();
        var complete = perWindow.Count > 2 ? perWindow.Skip(1).Take(perWindow.Count - 2).ToList() : [];
        var use = complete.Count == 0 ? double.NaN : complete.Sum() / (double)(complete.Count * BurstLimit);
        var created = BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "rate");
        var duplicates = created.Count - created.Select(user => user.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var refused = deployment.Docusign.State.TokenRequestCount - tokenRequestsBefore - (deployment.Docusign.State.RefreshCount - refreshesBefore);

        run.Table.Add(new ResultRow(
            "P4", $"429 answers, {n:N0} creations by {Processes} worker processes on one account ({BurstLimit} calls per {Format.Seconds(BurstWindow)} window; {run.ServerStore})",
            Format.Number(rejected),
            $"{made.Count:N0} calls in all",
            Format.Percent(made.Count == 0 ? 0 : rejected / (double)made.Count),
            "0",
            rejected == 0));
        run.Table.Add(new ResultRow(
            "P4", $"Budget use, {Processes} processes: admitted calls per window ÷ {BurstLimit}, over {complete.Count} complete windows",
            complete.Count == 0 ? "n/a (run shorter than 3 windows)" : Format.Percent(use),
            $"limit {BurstLimit} per window",
            complete.Count == 0 ? "–" : Format.Ratio(use),
            "≥ 90 %",
            complete.Count == 0 ? null : use >= 0.9));
        run.Table.Note($"P4: {Format.Seconds(elapsed)}; admitted calls per window: [{string.Join(", ", perWindow)}]; duplicate Docusign users {duplicates}; " +
            $"refresh-token redemptions refused {refused} of {deployment.Docusign.State.RefreshCount - refreshesBefore}; calls: {DocusignCallLog.Describe(made)}.");
        run.ReportLogs("P4");
    }
}
