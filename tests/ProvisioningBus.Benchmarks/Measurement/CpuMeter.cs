using System.Diagnostics;
using System.Globalization;

namespace ProvisioningBus.Benchmarks.Measurement;

/// <summary>
/// How busy the cores were over a span: this process (emulators, gateway, workers, driver) and the whole machine
/// (adds RabbitMQ and PostgreSQL), the latter from /proc/stat where it exists.
/// </summary>
public sealed class CpuMeter
{
    private readonly TimeSpan startCpu = ProcessCpu();
    private readonly long startTimestamp = Stopwatch.GetTimestamp();
    private readonly (long Busy, long Total)? startMachine = MachineTicks();

    public string Describe()
    {
        var wall = Stopwatch.GetElapsedTime(startTimestamp);
        var process = (ProcessCpu() - startCpu).TotalSeconds / (wall.TotalSeconds * Environment.ProcessorCount);
        var text = string.Create(CultureInfo.InvariantCulture, $"CPU: this process {process * 100:0} %");
        if (startMachine is { } start && MachineTicks() is { } end && end.Total > start.Total)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", whole machine {(end.Busy - start.Busy) * 100.0 / (end.Total - start.Total):0} %");
        }

        return text + $" of {Environment.ProcessorCount} cores";
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Busy and total jiffies of all cores (first line of /proc/stat; idle + iowait count as not busy).</summary>
    private static (long Busy, long Total)? MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }
}
