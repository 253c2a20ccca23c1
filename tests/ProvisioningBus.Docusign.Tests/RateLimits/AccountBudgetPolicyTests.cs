namespace ProvisioningBus.Docusign.Tests.RateLimits;

/// <summary>The account budget every worker process shares: what it lets through, whatever Docusign's window alignment.</summary>
public sealed class AccountBudgetPolicyTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 7, 300, TimeSpan.Zero);
    private static readonly DateTimeOffset HourEnd = new(2026, 12, 1, 11, 0, 0, TimeSpan.Zero);

    // How much later than its reservation a call may reach Docusign (the policy's promise).
    private static readonly TimeSpan Transit = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(30_000, 0)]
    [InlineData(30_000, 7_300)]
    [InlineData(30_000, 29_950)]
    [InlineData(3_000, 0)]
    [InlineData(3_000, 730)]
    [InlineData(3_000, 2_995)]
    public void No_burst_window_of_any_alignment_sees_more_calls_than_the_limit_even_when_calls_arrive_late(int windowMs, int phaseMs)
    {
        // Callers ask as often as they can for twenty windows; each admitted call reaches Docusign at once or a whole
        // transit allowance later (a store write, a loaded machine), the worst mix for a window's count.
        var window = TimeSpan.FromMilliseconds(windowMs);
        var state = Known(burstLimit: 50, window);
        var transit = new Random(phaseMs);
        var arrivals = new List<DateTimeOffset>();
        for (var now = Start; now < Start + (20 * window); now = now.AddMilliseconds(5))
        {
            (state, var wait) = DocusignAccountBudgetPolicy.Reserve(state, now, window);
            if (wait == TimeSpan.Zero)
            {
                arrivals.Add(transit.Next(2) == 0 ? now : now + Transit);
            }
        }

        // Docusign's windows start at an unknown phase: count each one.
        var phase = TimeSpan.FromMilliseconds(phaseMs);
        var busiest = arrivals.GroupBy(at => Math.Floor((at - Start + phase).Ticks / (double)window.Ticks)).Max(calls => calls.Count());
        Assert.Equal(50, busiest);
        // And the budget is spent, not hoarded.
        var share = windowMs >= 30_000 ? 0.85 : 0.5;
        Assert.True(arrivals.Count >= share * 50 * 20, $"{arrivals.Count} calls admitted in 20 windows of 50");
    }

    [Fact]
    public void Calls_another_app_made_on_the_account_are_taken_off_the_budget()
    {
        var state = Known(burstLimit: 50);
        state = DocusignAccountBudgetPolicy.Observe(state, new DocusignBudgetReading(3000, 2960, HourEnd, 50, 10), Start, Window);

        var admitted = 0;
        for (var i = 0; i < 100; i++)
        {
            (state, var wait) = DocusignAccountBudgetPolicy.Reserve(state, Start, Window);
            admitted += wait == TimeSpan.Zero ? 1 : 0;
        }

        Assert.Equal(10, admitted);
    }

    [Fact]
    public void A_spent_hour_lets_one_call_a_minute_ask_and_a_raised_limit_is_followed_from_its_answer()
    {
        var state = DocusignAccountBudgetPolicy.Observe(DocusignAccountBudgetState.Empty, new DocusignBudgetReading(100, 0, HourEnd, 500, 400), Start, Window);
        (state, var wait) = DocusignAccountBudgetPolicy.Reserve(state, Start, Window);
        Assert.True(wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), $"waits {wait}, at most a minute, not until the reset");
        (state, wait) = DocusignAccountBudgetPolicy.Reserve(state, Start.AddSeconds(30), Window);
        Assert.True(wait > TimeSpan.Zero, "no second call within the minute");

        // A minute on, one call goes out; its answer carries the raised limit, and calls flow again.
        var probe = Start.AddMinutes(1);
        (state, wait) = DocusignAccountBudgetPolicy.Reserve(state, probe, Window);
        Assert.Equal(TimeSpan.Zero, wait);
        state = DocusignAccountBudgetPolicy.Observe(state, new DocusignBudgetReading(5000, 4899, HourEnd, 500, 399), probe, Window);
        Assert.Equal(5000, state.HourlyLimit);
        (_, wait) = DocusignAccountBudgetPolicy.Reserve(state, probe, Window);
        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void A_burst_limit_read_as_zero_still_lets_one_call_a_window_ask()
    {
        // Another app spends every window (Docusign reports a limit of 0 left): only a call can tell when that ends.
        var state = Known(burstLimit: 0);
        var admitted = 0;
        for (var now = Start; now < Start + (3 * Window); now = now.AddMilliseconds(100))
        {
            (state, var wait) = DocusignAccountBudgetPolicy.Reserve(state, now, Window);
            admitted += wait == TimeSpan.Zero ? 1 : 0;
        }

        Assert.InRange(admitted, 2, 3);
    }

    [Fact]
    public void Before_any_answer_names_the_limits_one_call_per_transit_allowance_goes_out()
    {
        var window = TimeSpan.FromSeconds(3);
        var (state, first) = DocusignAccountBudgetPolicy.Reserve(DocusignAccountBudgetState.Empty, Start, window);
        var (_, soon) = DocusignAccountBudgetPolicy.Reserve(state, Start + (DocusignAccountBudgetPolicy.TransitAllowance / 2), window);
        var (_, later) = DocusignAccountBudgetPolicy.Reserve(state, Start + (2 * DocusignAccountBudgetPolicy.TransitAllowance), window);

        Assert.Equal(TimeSpan.Zero, first);
        Assert.True(soon > TimeSpan.Zero, "a second call while the first may still be on its way waits");
        Assert.Equal(TimeSpan.Zero, later);
    }

    private static DocusignAccountBudgetState Known(int burstLimit) => Known(burstLimit, Window);

    private static DocusignAccountBudgetState Known(int burstLimit, TimeSpan window) =>
        DocusignAccountBudgetPolicy.Observe(DocusignAccountBudgetState.Empty, new DocusignBudgetReading(3000, 3000, HourEnd, burstLimit, burstLimit), Start, window);
}
