using ProvisioningBus.Docusign;

namespace ProvisioningBus.Inbound.Benchmarks;

/// <summary>
/// How long a poll's listing delays live outbound changes on one account, in simulated time through the account budget
/// policy itself (Docusign's defaults: 500 calls per 30 s, 3,000 per hour). Real time would take the poll's hour; the
/// policy is pure, so its clock can be stepped.
/// </summary>
public static class LiveDelaySimulation
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    /// <param name="pages">The poll's calls (100 users each).</param>
    /// <param name="pageLatency">How long Docusign takes to answer a page; the listing is sequential.</param>
    /// <param name="liveEvery">A live change (one call) arrives this often.</param>
    /// <param name="priority">The poll's priority: <see cref="DocusignCallPriority.Live"/> is the poll without one.</param>
    public static (TimeSpan PollDuration, int Listed, TimeSpan WorstLiveDelay, TimeSpan MeanLiveDelay, int LiveCalls) Run(
        int pages, TimeSpan pageLatency, TimeSpan liveEvery, DocusignCallPriority priority)
    {
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var state = DocusignAccountBudgetPolicy.Observe(
            DocusignAccountBudgetState.Empty, new DocusignBudgetReading(3000, 3000, start.AddHours(1), 500, 500), start, Window);
        var pollReadyAt = start;
        var listed = 0;
        var pending = new Queue<DateTimeOffset>();
        var nextLive = start;
        var delays = new List<TimeSpan>();
        var now = start;
        // Two simulated hours at most: a poll that needs longer has spent its share of the hour and waits for the next.
        for (; listed < pages && now < start.AddHours(2); now += Step)
        {
            if (now >= nextLive)
            {
                pending.Enqueue(now);
                nextLive += liveEvery;
            }

            // Live changes ask first, as each worker asks the moment its message arrives.
            while (pending.Count > 0)
            {
                (state, var wait) = DocusignAccountBudgetPolicy.Reserve(state, now, Window);
                if (wait != TimeSpan.Zero)
                {
                    break;
                }

                delays.Add(now - pending.Dequeue());
            }

            if (now >= pollReadyAt)
            {
                (state, var wait) = DocusignAccountBudgetPolicy.Reserve(state, now, Window, priority);
                if (wait == TimeSpan.Zero)
                {
                    listed++;
                    pollReadyAt = now + pageLatency;
                }
            }
        }

        return (now - start, listed, delays.Count == 0 ? TimeSpan.Zero : delays.Max(), delays.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)delays.Average(d => d.Ticks)), delays.Count);
    }
}
