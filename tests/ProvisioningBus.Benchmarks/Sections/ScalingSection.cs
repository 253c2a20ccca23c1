using Docusign.Emulator;
using ProvisioningBus.Benchmarks.Deployment;
using ProvisioningBus.Benchmarks.Measurement;
using ProvisioningBus.Benchmarks.Reporting;

namespace ProvisioningBus.Benchmarks.Sections;

/// <summary>
/// P6. One against three outbound worker OS processes on the same queues and store, with a fixed latency on every
/// Docusign REST call and well below the rate limit, so that the work waits on Docusign rather than on the two shared
/// cores. Batches are kept small (<see cref="BatchSize"/>): with full batches of 500 one process needs a handful of calls
/// for the whole run and is bound by CPU, which more processes on the same two cores cannot add.
/// </summary>
public sealed class ScalingSection : IBenchmarkSection
{
    private const int BatchSize = 10;

    public string Key => "scaling";

    public string Name => "Scaling out worker processes (P6)";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var one = await MeasureAsync(run, processes: 1, ct);
        var three = await MeasureAsync(run, processes: 3, ct);
        run.Table.Add(new ResultRow(
            "P6", $"Scaling: {run.Sizes.ScalingChanges:N0} creations with {run.Sizes.ScalingLatency.TotalMilliseconds:0} ms per Docusign call, batches of {BatchSize}, 3 worker processes ({run.ServerStore})",
            Format.Rate(three, "changes"),
            $"1 process {Format.Rate(one, "changes")}",
            Format.Times(three / one),
            "≥ 2.6×",
            three / one >= 2.6));
        run.ReportLogs("P6");
    }

    private static async Task<double> MeasureAsync(BenchmarkRun run, int processes, CancellationToken ct)
    {
        var n = run.Sizes.ScalingChanges;
        var options = new DeploymentOptions
        {
            Workers = 0,
            WorkerProcesses = processes,
            Store = run.ServerStore,
            Docusign = DeploymentOptions.Unlimited() with
            {
                Faults = new EmulatorFaultSettings { Latency = run.Sizes.ScalingLatency, PathPrefix = "/restapi" },
            },
            Settings = new Dictionary<string, string?> { ["Outbound:Users:BatchMessageLimit"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
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
            TimeSpan.FromSeconds(Math.Max(180, n / 5.0)),
            $"{n} users created by {processes} worker process(es)",
            ct);
        var created = BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "scale");
        var rate = n / (created.Max(user => user.CreatedDateTime) - started).TotalSeconds;
        var duplicates = created.Count - created.Select(user => user.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        run.Table.Note($"P6: {processes} worker process(es): {Format.Rate(rate, "changes")}, {cpu.Describe()} (this process: gateway, emulators, driver), duplicate Docusign users {duplicates}.");
        return rate;
    }
}
