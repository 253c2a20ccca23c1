using System.Diagnostics;

namespace ProvisioningBus.Benchmarks.Measurement;

/// <summary>
/// What one durable commit costs on this machine's disk: the median time of a small write followed by an fsync in the
/// temp folder, where the SQLite file lives (and PostgreSQL's WAL shares the disk).
/// </summary>
public static class FsyncProbe
{
    public static double MedianMilliseconds(int samples = 100)
    {
        var path = Path.Combine(Path.GetTempPath(), $"provisioningbus-fsync-{Guid.NewGuid():N}.bin");
        var block = new byte[4096];
        var times = new List<double>(samples);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            for (var i = 0; i < samples; i++)
            {
                var start = Stopwatch.GetTimestamp();
                file.Write(block);
                file.Flush(flushToDisk: true);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        finally
        {
            File.Delete(path);
        }

        return Percentiles.Of(times, 50);
    }
}
