using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using ProvisioningBus.Benchmarks;
using ProvisioningBus.Benchmarks.Deployment;
using ProvisioningBus.Benchmarks.Reporting;
using ProvisioningBus.Benchmarks.Sections;
using ProvisioningBus.Testing;

// Usage: dotnet run -c Release --project tests/ProvisioningBus.Benchmarks [-- --quick] [--only throughput,efficiency,bulk,rate,scaling] [--out results.md]
// Needs RABBITMQ_URI (and for the scaling section preferably POSTGRES_CONNECTION): eval "$(bash infra/scripts/start-services.sh)".
// MassTransit 8.4+ reports anonymous usage telemetry to usage-tracking.masstransit.io unless this says no; the
// benchmark keeps all traffic on 127.0.0.1 (the services themselves do not turn it off: see the README).
Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");
var quick = args.Contains("--quick");
var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
var output = Option("--out");
var sizes = quick ? BenchmarkSizes.Quick : BenchmarkSizes.Full;

using var broker = new RabbitMqFixture();
await broker.InitializeAsync();
if (!IsLoopback(broker.Broker.AmqpUri) || !IsLoopback(broker.Broker.ManagementUri))
{
    Console.Error.WriteLine("The benchmark only talks to a broker on 127.0.0.1; RABBITMQ_URI points elsewhere.");
    return 2;
}

var table = new ResultTable();
var scalingStore = StateDatabase.PostgresAvailable ? StoreKind.Postgres : StoreKind.Sqlite;
var run = new BenchmarkRun(broker, sizes, table, new LogTally(), scalingStore);
IBenchmarkSection[] sections =
[
    new ThroughputAndLatencySection(),
    new ApiEfficiencySection(),
    new BulkUserChangesSection(),
    new RateBudgetSection(),
    new ScalingSection(),
];

using var limit = new CancellationTokenSource(sizes.RunLimit);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    limit.Cancel();
};

var started = DateTimeOffset.UtcNow;
Console.WriteLine($"ProvisioningBus outbound benchmarks, {sizes.Name}; every run is bounded to {sizes.RunLimit.TotalMinutes:0} minutes.");
foreach (var section in sections)
{
    if (only is not null && !only.Contains(section.Key))
    {
        continue;
    }

    Console.WriteLine($"[{DateTimeOffset.UtcNow - started:mm\\:ss}] {section.Name}");
    try
    {
        await section.RunAsync(run, limit.Token);
    }
    catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidOperationException or HttpRequestException)
    {
        // One section failing must not lose the figures of the others.
        table.Note($"section '{section.Key}' ({section.Name}) did not finish: {ex.GetType().Name}: {ex.Message}");
        run.ReportLogs(section.Key);
    }
}

table.Note("6: inbound (snapshot diff of 10k / 100k users, calls per poll) is measured by tests/ProvisioningBus.Inbound.Benchmarks and not repeated here.");
var rendered = table.Render(Header(sizes, DateTimeOffset.UtcNow - started));
Console.WriteLine();
Console.WriteLine(rendered);
if (output is not null)
{
    await File.WriteAllTextAsync(output, rendered);
}

return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static bool IsLoopback(Uri uri) => uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));

static string Header(BenchmarkSizes sizes, TimeSpan took) => string.Create(CultureInfo.InvariantCulture,
    $"Outbound benchmark, {sizes.Name}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, took {took.TotalMinutes:0.0} min — " +
    $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB, " +
    $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; emulators, gateway and driver in one process, workers in it too except P4 and P6 (worker OS processes); RabbitMQ and PostgreSQL local.");
