namespace ProvisioningBus.Core.Failures;

/// <summary>The pauses between attempts of a change that met an infrastructure fault, from <see cref="RedeliveryOptions"/>.</summary>
public static class RedeliverySchedule
{
    private const double Jitter = 0.2;

    /// <summary>
    /// Doubling pauses from <see cref="RedeliveryOptions.FirstInterval"/>, capped at <see cref="RedeliveryOptions.MaxInterval"/>,
    /// each ±20 % at random, until they add up to <see cref="RedeliveryOptions.Ceiling"/>. The jitter is drawn once per
    /// endpoint and process: two workers that met the same outage at the same moment then retry at different moments.
    /// </summary>
    public static TimeSpan[] Intervals(RedeliveryOptions options, Random random)
    {
        var intervals = new List<TimeSpan>();
        var total = TimeSpan.Zero;
        var nominal = options.FirstInterval;
        while (total < options.Ceiling)
        {
            var interval = nominal * (1 - Jitter + (2 * Jitter * random.NextDouble()));
            if (total + interval > options.Ceiling)
            {
                interval = options.Ceiling - total;
            }

            intervals.Add(interval);
            total += interval;
            nominal = nominal * 2 > options.MaxInterval ? options.MaxInterval : nominal * 2;
        }

        return [.. intervals];
    }
}
