using System.Diagnostics;
using ProvisioningBus.Benchmarks.Baseline;
using ProvisioningBus.Benchmarks.Deployment;
using ProvisioningBus.Benchmarks.Measurement;
using ProvisioningBus.Benchmarks.Reporting;
using ProvisioningBus.Outbound.Users;

namespace ProvisioningBus.Benchmarks.Sections;

/// <summary>
/// 1. User creations per second through webhook → gateway → RabbitMQ → user consumer → Docusign, against a bare
/// consumer on the same broker (measured before and after, averaged). The same run is repeated with the store on
/// PostgreSQL and with SQLite on tmpfs, to see how much the store decides. 2. Webhook → Docusign write latency of
/// single events at a steady rate, against the bare publish → consume latency.
/// </summary>
public sealed class ThroughputAndLatencySection : IBenchmarkSection
{
    public string Key => "throughput";

    public string Name => "Throughput and latency";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var n = run.Sizes.ThroughputChanges;
        var timeout = TimeSpan.FromSeconds(Math.Max(120, n / 20.0));

        await using var bareHost = await run.Broker.CreateVirtualHostAsync(ct);
        await using var bare = await BareBus.StartAsync(bareHost.AmqpUri, ct);
        // Warm-up: first publishes pay for connections, JIT and queue declaration.
        await bare.PublishAndConsumeAsync(Math.Min(500, n), WebhookPoster.MaxEventsPerPost, timeout, ct);
        var bareBefore = n / (await bare.PublishAndConsumeAsync(n, WebhookPoster.MaxEventsPerPost, timeout, ct)).TotalSeconds;

        // Process warm-up on a throw-away deployment: a worker that has run for a while has tier-1 JIT code, a grown
        // thread pool and warm pools. Without it, whichever store variant ran first measured about half the rate of the
        // same variant run last (the SQLite-on-disk vs tmpfs gap of earlier tables was this, not the disk).
        await using (var warmup = await OutboundDeployment.StartAsync(run.Broker, new DeploymentOptions(), run.Logs, ct))
        {
            using var poster = new WebhookPoster(warmup.Gateway.WebhookUri);
            await WarmUpAsync(warmup, poster, new ActivityCursor(warmup.PingOne), run.Sizes.ProcessWarmupChanges, timeout, ct);
        }

        double rate;
        await using (var deployment = await OutboundDeployment.StartAsync(run.Broker, new DeploymentOptions(), run.Logs, ct))
        {
            rate = await MeasurePipelineAsync(run, deployment, StoreKind.Sqlite, n, timeout, ct);
            await MeasureLatencyAsync(run, deployment, StoreKind.Sqlite, bare, ct);
        }

        var bareAfter = n / (await bare.PublishAndConsumeAsync(n, WebhookPoster.MaxEventsPerPost, timeout, ct)).TotalSeconds;
        var bareRate = (bareBefore + bareAfter) / 2;
        run.Table.Add(new ResultRow(
            "1", $"Throughput: user creations, {n:N0} in webhook batches of 500 (SQLite store, the default)",
            Format.Rate(rate, "changes"),
            $"bare consumer {Format.Rate(bareRate, "msg")}",
            Format.Ratio(rate / bareRate),
            "≥ 0.50 of bare and ≥ 1,500/s",
            rate / bareRate >= 0.5 && rate >= 1500));
        run.Table.Note($"1: bare consumer before / after the pipeline runs: {Format.Rate(bareBefore, "msg")} / {Format.Rate(bareAfter, "msg")}; " +
            $"a 4 KiB write + fsync in the temp folder takes {Format.Ms(FsyncProbe.MedianMilliseconds())} (median) on this disk.");
        run.ReportLogs("1–2");

        // The same pipeline on the other stores, and with the provisioning log off (issue 14: the log may cost at most
        // 10 % of the throughput). Later runs of a process measure faster than earlier ones, so each store runs log on,
        // off, then on again, and the "off" run is compared with the mean of the two "on" runs around it.
        var logOn = new Dictionary<StoreKind, List<double>> { [StoreKind.Sqlite] = [rate] };
        var logOffRate = new Dictionary<StoreKind, double>();
        var variants = new[]
        {
            (StoreKind.Sqlite, LogOff: true), (StoreKind.Sqlite, LogOff: false),
            (StoreKind.Postgres, LogOff: false), (StoreKind.Postgres, LogOff: true), (StoreKind.Postgres, LogOff: false),
            (StoreKind.SqliteOnTmpfs, LogOff: false),
        };
        foreach (var (store, logOff) in variants)
        {
            if ((store == StoreKind.Postgres && !StateDatabase.PostgresAvailable) || (store == StoreKind.SqliteOnTmpfs && !StateDatabase.TmpfsAvailable))
            {
                continue;
            }

            var options = new DeploymentOptions { Store = store, Settings = logOff ? ProvisioningLogOff : new Dictionary<string, string?>() };
            await using var deployment = await OutboundDeployment.StartAsync(run.Broker, options, run.Logs, ct);
            var variant = await MeasurePipelineAsync(run, deployment, store, n, timeout, ct);
            run.ReportLogs($"1 {store}{(logOff ? ", log off" : "")}");
            if (logOff)
            {
                logOffRate[store] = variant;
                continue;
            }

            var onRuns = logOn.TryGetValue(store, out var runs) ? runs : logOn[store] = [];
            onRuns.Add(variant);
            if (onRuns.Count == 1)
            {
                if (store == StoreKind.Postgres)
                {
                    await MeasureLatencyAsync(run, deployment, store, bare, ct);
                }

                run.Table.Add(new ResultRow(
                    "1", $"Throughput, same run with the store on {StoreName(store)}",
                    Format.Rate(variant, "changes"),
                    $"bare consumer {Format.Rate(bareRate, "msg")}",
                    Format.Ratio(variant / bareRate),
                    "(profiling)",
                    null));
            }
            else if (logOffRate.TryGetValue(store, out var off))
            {
                var on = onRuns.Average();
                run.Table.Add(new ResultRow(
                    "1", $"Throughput with the provisioning log on (mean of the runs before and after) vs off, store on {StoreName(store)}",
                    Format.Rate(on, "changes"),
                    $"log off {Format.Rate(off, "changes")}",
                    Format.Ratio(on / off),
                    "log on ≥ 0.90 of off",
                    on >= 0.9 * off));
                run.Table.Note($"1 ({store}): log on {string.Join(" / ", onRuns.Select(r => Format.Rate(r, "changes")))}, off between them {Format.Rate(off, "changes")}.");
            }
        }
    }

    private static readonly IReadOnlyDictionary<string, string?> ProvisioningLogOff = new Dictionary<string, string?> { ["ProvisioningLog:Enabled"] = "false" };

    private static string StoreName(StoreKind store) => store switch
    {
        StoreKind.Postgres => "PostgreSQL",
        StoreKind.SqliteOnTmpfs => "SQLite on tmpfs (no fsync cost; diagnostic only)",
        _ => "SQLite (the default)",
    };

    private static async Task<double> MeasurePipelineAsync(BenchmarkRun run, OutboundDeployment deployment, StoreKind store, int n, TimeSpan timeout, CancellationToken ct)
    {
        using var poster = new WebhookPoster(deployment.Gateway.WebhookUri);
        var cursor = new ActivityCursor(deployment.PingOne);
        using var profile = new OperationProfile(new Dictionary<int, string>
        {
            [deployment.PingOne.BaseUri.Port] = "PingOne",
            [deployment.Docusign.BaseUri.Port] = "Docusign",
        });

        // This deployment's connections, tokens and queues, not measured.
        await WarmUpAsync(deployment, poster, cursor, 200, timeout, ct);

        BenchmarkDirectory.CreateUsers(deployment.PingOne, "tp", n);
        var events = cursor.Next("USER.CREATED");
        var calls = new DocusignCallLog(deployment.Docusign.State);
        profile.Reset();
        var commitsBefore = await deployment.Database.CommittedTransactionsAsync(ct);
        var cpu = new CpuMeter();
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await poster.PostAsync(events, WebhookPoster.MaxEventsPerPost, ct);
        var ingress = watch.Elapsed;
        await Waiting.UntilAsync(
            () => BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "tp").Count >= n,
            timeout,
            $"{n} users created in Docusign",
            ct,
            () => $"{BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "tp").Count} so far");
        var elapsed = BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "tp").Max(user => user.CreatedDateTime) - started;
        var rate = n / elapsed.TotalSeconds;
        var made = calls.Since();
        var commits = await deployment.Database.CommittedTransactionsAsync(ct) - commitsBefore;
        run.Table.Note($"1 ({store}): {n:N0} creations took {Format.Seconds(elapsed)}; the gateway had accepted every webhook after {Format.Seconds(ingress)} " +
            $"({Format.Rate(n / ingress.TotalSeconds, "events")}); {cpu.Describe()}; webhooks retried: {poster.RetriedPosts}; " +
            $"Docusign calls per creation {Format.Ratio(made.Count / (double)n)} ({DocusignCallLog.Describe(made)}); " +
            $"HTTP per call: {profile.Describe()}" +
            (commits is { } committed ? $"; PostgreSQL committed {Format.Number(committed / (double)n, "0.0")} transactions per creation (all workers and the lease renewals)." : "."));
        return rate;
    }

    private static async Task WarmUpAsync(OutboundDeployment deployment, WebhookPoster poster, ActivityCursor cursor, int count, TimeSpan timeout, CancellationToken ct)
    {
        BenchmarkDirectory.CreateUsers(deployment.PingOne, "warm", count);
        await poster.PostAsync(cursor.Next("USER.CREATED"), WebhookPoster.MaxEventsPerPost, ct);
        await Waiting.UntilAsync(() => BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "warm").Count == count, timeout, "warm-up users in Docusign", ct);
    }

    private static async Task MeasureLatencyAsync(BenchmarkRun run, OutboundDeployment deployment, StoreKind store, BareBus bare, CancellationToken ct)
    {
        var count = run.Sizes.LatencySamples;
        var interval = run.Sizes.LatencyInterval;
        var timeout = TimeSpan.FromSeconds(60 + count * interval.TotalSeconds * 2);
        using var poster = new WebhookPoster(deployment.Gateway.WebhookUri);
        var cursor = new ActivityCursor(deployment.PingOne);
        var users = BenchmarkDirectory.CreateUsers(deployment.PingOne, "lat", count);
        var events = cursor.Next("USER.CREATED");
        var sentAt = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        using (var pace = new PeriodicTimer(interval))
        {
            for (var i = 0; i < events.Count; i++)
            {
                sentAt[users[i].Email!] = DateTimeOffset.UtcNow;
                await poster.PostBatchAsync([events[i]], ct);
                await pace.WaitForNextTickAsync(ct);
            }
        }

        await Waiting.UntilAsync(() => BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "lat").Count >= count, timeout, $"{count} latency users in Docusign", ct);
        var latencies = BenchmarkDirectory.DocusignUsers(deployment.Docusign.State, "lat")
            .Select(user => (user.CreatedDateTime - sentAt[user.Email]).TotalMilliseconds)
            .ToList();
        var bareLatencies = await bare.LatenciesAsync(count, interval, timeout, ct);

        foreach (var percentile in new[] { 50.0, 99.0 })
        {
            var measured = Percentiles.Of(latencies, percentile);
            var baseline = Percentiles.Of(bareLatencies, percentile);
            // Issue 7 asked < 30 / < 250 ms of a change applied alone; since user changes are batched (issue 11) a lone change
            // waits for the batch window (Outbound:Users:BatchTimeLimit, 250 ms) and must go out within about a second.
            const int target = 1_000;
            var main = store == StoreKind.Sqlite;
            run.Table.Add(new ResultRow(
                "2", main
                    ? $"Latency p{percentile:0}: webhook POST → Docusign user created ({count} single-event webhooks, one per {interval.TotalMilliseconds:0} ms, SQLite)"
                    : $"Latency p{percentile:0}, same with the store on PostgreSQL",
                Format.Ms(measured),
                $"bare publish → consume {Format.Ms(baseline)}",
                Format.Times(measured / baseline),
                main ? $"< {target} ms" : $"(profiling; < {target} ms)",
                main ? measured < target : null));
        }

        run.Table.Note($"2 ({store}): p90 {Format.Ms(Percentiles.Of(latencies, 90))}, max {Format.Ms(latencies.Max())}; bare p90 {Format.Ms(Percentiles.Of(bareLatencies, 90))}, max {Format.Ms(bareLatencies.Max())}.");
    }
}
