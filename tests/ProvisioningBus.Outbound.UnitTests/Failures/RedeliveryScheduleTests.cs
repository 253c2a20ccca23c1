using ProvisioningBus.Core.Failures;

namespace ProvisioningBus.Outbound.UnitTests.Failures;

public sealed class RedeliveryScheduleTests
{
    [Fact]
    public void The_default_schedule_starts_with_short_pauses_and_waits_fifteen_minutes_in_all()
    {
        var options = new RedeliveryOptions();

        var intervals = RedeliverySchedule.Intervals(options, new Random(17));

        Assert.InRange(intervals[0], TimeSpan.FromMilliseconds(160), TimeSpan.FromMilliseconds(240));
        Assert.All(intervals, interval => Assert.InRange(interval, TimeSpan.Zero, options.MaxInterval * 1.2));
        Assert.Equal(options.Ceiling, intervals.Aggregate(TimeSpan.Zero, (sum, interval) => sum + interval));
    }

    [Fact]
    public void A_ceiling_above_the_broker_consumer_timeout_is_rejected_naming_the_key()
    {
        var result = new RedeliveryOptionsValidator().Validate(null, new RedeliveryOptions { Ceiling = TimeSpan.FromMinutes(40) });

        Assert.True(result.Failed);
        Assert.Contains("Resilience:Redelivery:Ceiling", result.FailureMessage, StringComparison.Ordinal);
    }
}
