using System.Diagnostics;

namespace ProvisioningBus.Inbound.Benchmarks;

/// <summary>Samples the managed heap while a phase runs, to report its peak above the heap size when the phase began.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private readonly long baseline;
    private long peak;

    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        baseline = GC.GetTotalMemory(forceFullCollection: true);
        peak = baseline;
        sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    Sample();
                }
            }
            catch (OperationCanceledException)
            {
                // Phase over.
            }
        });
    }

    /// <summary>Highest managed heap size seen above the starting heap, in bytes.</summary>
    public long PeakAboveBaseline => Interlocked.Read(ref peak) - baseline;

    public static long ProcessPeakWorkingSet => Process.GetCurrentProcess().PeakWorkingSet64;

    public void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        do
        {
            seen = Interlocked.Read(ref peak);
        }
        while (now > seen && Interlocked.CompareExchange(ref peak, now, seen) != seen);
    }

    public async ValueTask DisposeAsync()
    {
        Sample();
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
