using System.Diagnostics;

namespace ProvisioningBus.Inbound.Benchmarks;

/// <summary>
/// The process's peak resident memory over one phase. Linux keeps the peak (VmHWM) for the process's life, so it is
/// reset before the phase (<c>/proc/self/clear_refs</c>, "5"); otherwise the seeding before the phase would count.
/// </summary>
public static class PeakWorkingSet
{
    /// <summary>Collects, returns freed memory to the system and restarts the peak; false where the peak cannot be restarted.</summary>
    public static bool Restart()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long Bytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64;
        }
    }
}
