using ProvisioningBus.Benchmarks.Deployment;
using ProvisioningBus.Benchmarks.Reporting;
using ProvisioningBus.Testing;

namespace ProvisioningBus.Benchmarks;

/// <summary>What every section shares: the broker, the sizes, the table and the log tally of the hosts under test.</summary>
/// <param name="ServerStore">
/// The store of the rate-budget and scaling runs: PostgreSQL when available (what a scaled-out deployment uses, and
/// fast enough that the worker, not the store, can spend a whole Docusign window), else SQLite.
/// </param>
public sealed record BenchmarkRun(RabbitMqFixture Broker, BenchmarkSizes Sizes, ResultTable Table, LogTally Logs, StoreKind ServerStore)
{
    /// <summary>Prints the warnings and errors the hosts logged since the last call, as notes of the section.</summary>
    public void ReportLogs(string section)
    {
        foreach (var (category, level, count, sample) in Logs.Drain().Take(6))
        {
            Table.Note($"{section}: {count:N0} × {level} from {ShortCategory(category)}, e.g. \"{sample}\"");
        }
    }

    private static string ShortCategory(string category)
    {
        var name = category.Split(' ')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
