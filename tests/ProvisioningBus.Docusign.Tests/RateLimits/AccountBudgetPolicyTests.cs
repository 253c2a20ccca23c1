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

    [Fact]
    public void A_background_listing_leaves_the_live_reserve_of_every_window_free_and_spreads_its_calls_over_the_window()
    {
        // The poll asks as often as it can for ten windows; a live change comes every 1.3 s and must never wait.
        var background = new DocusignCallPriority(0.4);
        var state = Known(burstLimit: 500, Window, hourlyLimit: 1_000_000);
        var polled = new List<DateTimeOffset>();
        var live = new List<DateTimeOffset>();
        var nextLive = Start;
        for (var now = Start; now < Start + (10 * Window); now = now.AddMilliseconds(5))
        {
            if (now >= nextLive)
            {
                (state, var liveWait) = DocusignAccountBudgetPolicy.Reserve(state, now, Window);
                Assert.Equal(TimeSpan.Zero, liveWait);
                live.Add(now);
                nextLive = now.AddMilliseconds(1_300);
            }

            (state, var wait) = DocusignAccountBudgetPolicy.Reserve(state, now, Window, background);
            if (wait == TimeSpan.Zero)
            {
                polled.Add(now);
            }
        }

        // Whatever the window's alignment, the poll's calls in it leave the reserve (200 of 500) free...
        var slice = Window / DocusignAccountBudgetPolicy.SlicesPerWindow;
        var busiestWindow = polled.Max(at => polled.Count(other => other >= at && other < at + Window));
        Assert.InRange(busiestWindow, 1, 300);
        // ...arrive spread over the window rather than at its start: no twentieth of a window holds more than two
        // twentieths of the share, wherever it starts...
        var busiestSlice = polled.Max(at => polled.Count(other => other >= at && other < at + slice));
        Assert.InRange(busiestSlice, 1, 30);
        // ...and still spend most of their share.
        Assert.True(polled.Count >= 0.8 * 300 * 10, $"{polled.Count} poll calls admitted in 10 windows of a 300-call share");
        Assert.NotEmpty(live);
    }

    [Fact]
    public void A_background_listing_waits_while_live_work_fills_the_window_and_stops_at_its_share_of_the_hour()
    {
        var background = new DocusignCallPriority(0.5);
        var state = Known(burstLimit: 50);
        for (var i = 0; i < 30; i++)
        {
            (state, _) = DocusignAccountBudgetPolicy.Reserve(state, Start, Window);
        }

        // 30 live calls are more than the poll's half of 50: it waits, and live work still has room.
        (state, var polled) = DocusignAccountBudgetPolicy.Reserve(state, Start, Window, background);
        (_, var liveAfter) = DocusignAccountBudgetPolicy.Reserve(state, Start, Window);
        Assert.True(polled > TimeSpan.Zero, "the poll waits while live work uses more than its reserve");
        Assert.Equal(TimeSpan.Zero, liveAfter);

        // Half the hour spent: the poll waits for the reset (not a probe); live work goes on.
        var spent = DocusignAccountBudgetPolicy.Observe(Known(burstLimit: 50), new DocusignBudgetReading(3000, 1500, HourEnd, 50, 50), Start, Window);
        var later = Start + Window + Window;
        (_, var hourWait) = DocusignAccountBudgetPolicy.Reserve(spent, later, Window, background);
        (_, var liveWait) = DocusignAccountBudgetPolicy.Reserve(spent, later, Window);
        Assert.InRange(hourWait, HourEnd - later, HourEnd - later + TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, liveWait);
    }

    private static DocusignAccountBudgetState Known(int burstLimit) => Known(burstLimit, Window);

    private static DocusignAccountBudgetState Known(int burstLimit, TimeSpan window, int hourlyLimit = 3000) =>
        DocusignAccountBudgetPolicy.Observe(DocusignAccountBudgetState.Empty, new DocusignBudgetReading(hourlyLimit, hourlyLimit, HourEnd, burstLimit, burstLimit), Start, window);
}
