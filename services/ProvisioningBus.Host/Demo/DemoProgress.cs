using System.Globalization;

namespace ProvisioningBus.Host.Demo;

/// <summary>The initial sync's progress line: done of total, the rate so far and the time left at that rate.</summary>
public static class DemoProgress
{
    public static string Line(int done, int total, TimeSpan elapsed)
    {
        var rate = done / Math.Max(elapsed.TotalSeconds, 0.001);
        var eta = done == 0 || rate <= 0 ? "ETA —" : done >= total ? "done" : "ETA " + Duration(TimeSpan.FromSeconds((total - done) / rate));
        return string.Create(CultureInfo.InvariantCulture, $"  initial sync: users {done}/{total}  ({rate:F0}/s, {eta})");
    }

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{Math.Ceiling(span.TotalSeconds):0}s";
}
