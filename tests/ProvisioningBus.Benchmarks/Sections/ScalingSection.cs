using Docusign.Emulator;
using ProvisioningBus.Benchmarks.Deployment;
using ProvisioningBus.Benchmarks.Measurement;
using ProvisioningBus.Benchmarks.Reporting;

namespace ProvisioningBus.Benchmarks.Sections;

/// <summary>
/// 5. One against two outbound worker hosts on the same queues and store, with a fixed latency on every Docusign
/// REST call so that the work waits on I/O (as against the real Docusign) rather than on the two shared cores.
/// </summary>
public sealed class ScalingSection : IBenchmarkSection
{
    public string Key => "scaling";

    public string Name => "Scaling";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var one = await MeasureAsync(run, workers: 1, ct);
        var two = await MeasureAsync(run, workers: 2, ct);
        run.Table.Add(new ResultRow(
            "5", $"Scaling: {run.Sizes.ScalingChanges:N0} creations with {run.Sizes.ScalingLatency.TotalMilliseconds:0} ms per Docusign call, 2 workers ({run.ServerStore})",
            Format.Rate(two, "changes"),
            $"1 worker {Format.Rate(one, "changes")}",
            Format.Times(two / one),
            "≥ 1.7×",
            two / one >= 1.7));
        run.ReportLogs("5");
    }

    private static async Task<double> MeasureAsync(BenchmarkRun run, int workers, CancellationToken ct)
    {
        var n = run.Sizes.ScalingChanges;
        var options = new DeploymentOptions
        {
            Workers = workers,
            Store = run.ServerStore,
            Docusign = DeploymentOptions.Unlimited() with
            {
                Faults = new EmulatorFaultSettings { Latency = run.Sizes.ScalingLatency, PathPrefix = "/restapi" },
            },
        };
        await using var deployment = await OutboundDeployment.StartAsync(run.Broker, options, run.Logs, ct);
        using var poster = new WebhookPoster(deployment.Gateway.WebhookUri);
        var cursor = new ActivityCursor(deployment.PingOne);
        BenchmarkDirectory.CreateUsers(deployment.PingOne, "scale", n);
        var events = cursor.Next("USER.CREATED");
        var cpu = new CpuMeter();
        var started = DateTimeOffset.UtcNow;
        await poster.PostAsync(events, WebhookPoster.MaxEventsPerPost, ct);
        await Waiting.UntilAsync(
            () => BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "scale").Count >= n,
            TimeSpan.FromSeconds(Math.Max(120, n / 5.0)),
            $"{n} users created by {workers} worker(s)",
            ct);
        var created = BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "scale");
        var rate = n / (created.Max(user => user.CreatedDateTime) - started).TotalSeconds;
        var duplicates = created.Count - created.Select(user => user.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        run.Table.Note($"5: {workers} worker(s): {Format.Rate(rate, "changes")}, {cpu.Describe()}, duplicate Docusign users {duplicates}.");
        return rate;
    }
}
