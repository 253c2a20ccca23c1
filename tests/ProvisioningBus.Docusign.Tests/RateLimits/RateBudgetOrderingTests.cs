using System.Globalization;

namespace ProvisioningBus.Docusign.Tests.RateLimits;

/// <summary>Answers of concurrent calls are observed in any order; the budget must not believe an older, larger figure.</summary>
public sealed class RateBudgetOrderingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset HourEnd = new(2026, 11, 30, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_older_answer_observed_after_a_newer_one_does_not_give_back_spent_calls()
    {
        var budget = new DocusignRateBudget(TimeSpan.FromSeconds(30));
        budget.Observe(Answer(hourlyRemaining: 10, burstRemaining: 8, HourEnd), Start, Start);

        // Two calls in flight: the answer of the second (8 left) is observed before the answer of the first (9 left).
        Assert.Equal(TimeSpan.Zero, budget.TryAdmit(Start));
        Assert.Equal(TimeSpan.Zero, budget.TryAdmit(Start));
        budget.Observe(Answer(hourlyRemaining: 8, burstRemaining: 6, HourEnd), Start, Start.AddMilliseconds(10));
        budget.Complete();
        budget.Observe(Answer(hourlyRemaining: 9, burstRemaining: 7, HourEnd), Start, Start.AddMilliseconds(20));
        budget.Complete();

        Assert.Equal(8, budget.HourlyRemaining);
        Assert.Equal(6, budget.BurstRemaining);
    }

    [Fact]
    public void A_new_hour_or_burst_window_replaces_the_figures()
    {
        var budget = new DocusignRateBudget(TimeSpan.FromSeconds(30));
        budget.Observe(Answer(hourlyRemaining: 3, burstRemaining: 2, HourEnd), Start, Start);

        budget.Observe(Answer(hourlyRemaining: 2999, burstRemaining: 499, HourEnd.AddHours(1)), HourEnd, HourEnd.AddSeconds(1));

        Assert.Equal(2999, budget.HourlyRemaining);
        Assert.Equal(499, budget.BurstRemaining);
        Assert.Equal(HourEnd.AddHours(1), budget.HourlyResetsAt);
    }

    [Fact]
    public void An_answer_from_the_previous_hour_observed_late_is_ignored_for_the_hourly_budget()
    {
        var budget = new DocusignRateBudget(TimeSpan.FromSeconds(30));
        budget.Observe(Answer(hourlyRemaining: 2999, burstRemaining: 499, HourEnd.AddHours(1)), HourEnd.AddSeconds(1), HourEnd.AddSeconds(1));

        budget.Observe(Answer(hourlyRemaining: 1, burstRemaining: 1, HourEnd), HourEnd.AddSeconds(-1), HourEnd.AddSeconds(2));

        Assert.Equal(2999, budget.HourlyRemaining);
        Assert.Equal(HourEnd.AddHours(1), budget.HourlyResetsAt);
    }

    [Fact]
    public void A_larger_figure_from_a_call_sent_before_the_last_answer_is_not_taken_for_a_new_burst_window()
    {
        var budget = new DocusignRateBudget(TimeSpan.FromSeconds(30));
        var sentEarly = Start.AddSeconds(1);
        budget.Observe(Answer(hourlyRemaining: 100, burstRemaining: 20, HourEnd), sentEarly, Start.AddSeconds(2));

        // Sent before that answer arrived: it was counted earlier, whatever order the answers came in.
        budget.Observe(Answer(hourlyRemaining: 130, burstRemaining: 50, HourEnd), sentEarly, Start.AddSeconds(3));

        Assert.Equal(20, budget.BurstRemaining);
        Assert.Equal(Start.AddSeconds(3) + TimeSpan.FromSeconds(30), budget.BurstWindowEnd(Start.AddSeconds(3)));
    }

    [Fact]
    public void A_larger_figure_from_a_call_sent_after_the_last_answer_shows_where_burst_windows_start()
    {
        var budget = new DocusignRateBudget(TimeSpan.FromSeconds(30));
        budget.Observe(Answer(hourlyRemaining: 100, burstRemaining: 20, HourEnd), Start, Start.AddSeconds(1));

        // Start is 10:00:05, so clock-aligned windows would roll over at 10:00:30; this one rolled over by 10:00:12.
        var rolledBy = Start.AddSeconds(7);
        budget.Observe(Answer(hourlyRemaining: 99, burstRemaining: 499, HourEnd), Start.AddSeconds(6), rolledBy);

        Assert.Equal(499, budget.BurstRemaining);
        Assert.Equal(rolledBy + TimeSpan.FromSeconds(30) + TimeSpan.FromMilliseconds(100), budget.BurstWindowEnd(rolledBy));
    }

    private static HttpResponseMessage Answer(int hourlyRemaining, int burstRemaining, DateTimeOffset resetsAt)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Limit", "3000");
        response.Headers.Add("X-RateLimit-Remaining", hourlyRemaining.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset", resetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("X-BurstLimit-Limit", "500");
        response.Headers.Add("X-BurstLimit-Remaining", burstRemaining.ToString(CultureInfo.InvariantCulture));
        return response;
    }
}
