namespace ProvisioningBus.Benchmarks.Sections;

/// <summary>One part of the benchmark: runs its deployments and adds its rows to the table.</summary>
public interface IBenchmarkSection
{
    /// <summary>What <c>--only</c> selects it by.</summary>
    string Key { get; }

    string Name { get; }

    Task RunAsync(BenchmarkRun run, CancellationToken ct);
}
