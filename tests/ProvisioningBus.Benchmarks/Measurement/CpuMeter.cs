using System.Diagnostics;

namespace ProvisioningBus.Benchmarks.Measurement;

/// <summary>How busy this process kept the machine's cores over a span (everything under test runs in it).</summary>
public sealed class CpuMeter
{
    private readonly TimeSpan startCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long startTimestamp = Stopwatch.GetTimestamp();

    /// <summary>CPU time used ÷ (wall time × cores): 1.0 means every core was busy all the time.</summary>
    public double Utilisation()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - startCpu;
        var wall = Stopwatch.GetElapsedTime(startTimestamp);
        return cpu.TotalSeconds / (wall.TotalSeconds * Environment.ProcessorCount);
    }
}
