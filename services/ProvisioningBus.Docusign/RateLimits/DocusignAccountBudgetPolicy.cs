namespace ProvisioningBus.Docusign;

/// <summary>
/// How every worker process of a deployment shares one Docusign account's budget (3,000 calls per hour and 500 per
/// 30 s by default, fact sheet §6). Pure: <see cref="Reserve"/> and <see cref="Observe"/> turn a state into the next,
/// and the holder (in memory, or the shared store) only keeps it.
/// <list type="bullet">
/// <item>The hour is Docusign's fixed window, known by its <c>X-RateLimit-Reset</c>: a call is reserved while fewer than
/// the limit are used, else it waits for the reset.</item>
/// <item>The burst window's alignment is not documented, so it is not assumed: time is cut in <see cref="SlicesPerWindow"/>
/// slices per window and a call is reserved only while the slices that any window containing now could also contain hold
/// fewer calls than the limit. Whatever the alignment, no window of Docusign's sees more than the limit; the price is
/// at most one slice of idle time per window (5 %).</item>
/// <item>A call reaches Docusign a little after it is reserved (the store's write, a loaded machine, a slow link), so a
/// call reserved just before a window opens can land in it: the span counted is longer than a window by
/// <see cref="TransitAllowance"/> (about 3 % more idle time on Docusign's 30-second window).</item>
/// <item>Answers correct the counts upwards only (<c>limit − remaining</c> counts other apps' calls too); a raised or lowered
/// limit is taken from the next answer, so a running worker follows it without a restart. While the hour is spent, one
/// call per <see cref="DocusignRateBudget.HourlyProbeInterval"/> goes out to ask.</item>
/// </list>
/// Until an answer names the limits, one call per <see cref="TransitAllowance"/> is let through: the first answer sets
/// them for every process.
/// <para>
/// Background calls (the inbound poll, <see cref="DocusignCallPriority"/>) leave a share of both windows to live work:
/// one is reserved only while the calls counted leave that share free, and at most an even share of a window per slice,
/// so a long listing spreads over the window instead of spending it at its start.
/// </para>
/// </summary>
public static class DocusignAccountBudgetPolicy
{
    public const int SlicesPerWindow = 20;

    /// <summary>How much later than its reservation a call may reach Docusign and still be counted in the right window.</summary>
    public static readonly TimeSpan TransitAllowance = TimeSpan.FromSeconds(1);

    // Sent this long after a boundary, a call cannot land in the window before it even if the two clocks differ a little.
    private static readonly TimeSpan BoundaryMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>Reserves one call at <paramref name="now"/>, or says how long to wait before asking again.</summary>
    /// <param name="priority">Live work (the default) may use the whole budget; background work leaves its reserve free.</param>
    public static (DocusignAccountBudgetState State, TimeSpan Wait) Reserve(
        DocusignAccountBudgetState state, DateTimeOffset now, TimeSpan burstWindow, DocusignCallPriority? priority = null)
    {
        state = Roll(state, now, burstWindow);
        if (priority is { IsBackground: true } background)
        {
            return ReserveBackground(state, now, burstWindow, background.LiveReserve);
        }

        if (state.HourlyLimit is { } hourly && state.HourlyUsed >= hourly)
        {
            // Spent: one call per probe interval asks whether the limit was raised (only an answer can tell).
            var reset = state.HourlyResetsAt!.Value + BoundaryMargin;
            if (state.HourlyProbeAt is not { } probeAt)
            {
                state = state with { HourlyProbeAt = now + DocusignRateBudget.HourlyProbeInterval };
                return (state, Earlier(reset, state.HourlyProbeAt!.Value) - now);
            }

            if (now < probeAt)
            {
                return (state, Earlier(reset, probeAt) - now);
            }

            return Take(state with { HourlyProbeAt = now + DocusignRateBudget.HourlyProbeInterval });
        }

        var counts = state.SliceCounts;
        if (state.BurstLimit is null)
        {
            // One call per transit allowance: even answers slowed by a loaded machine set the limits before a window fills.
            var quiet = counts.AsSpan(counts.Length - 1 - AllowanceSlices(burstWindow)).IndexOfAnyExcept(0) < 0;
            return quiet ? Take(state) : (state, SliceLength(burstWindow));
        }

        // A limit read as 0 may have changed, and only a call can tell: at least one call per window goes out.
        var limit = Math.Max(1, state.BurstLimit.Value);
        return WaitForRoom(state, now, burstWindow, limit) is { } room ? (state, room) : Take(state);
    }

    private static (DocusignAccountBudgetState State, TimeSpan Wait) ReserveBackground(
        DocusignAccountBudgetState state, DateTimeOffset now, TimeSpan burstWindow, double liveReserve)
    {
        if (state.HourlyLimit is not { } hourly || state.BurstLimit is not { } burst)
        {
            // Until an answer names the limits there is no share to leave: the one call per transit allowance goes to whoever asks.
            return Reserve(state, now, burstWindow);
        }

        // The hour's share is not probed for: live work asks whether a spent hour was raised.
        if (state.HourlyUsed >= Share(hourly, liveReserve))
        {
            return (state, state.HourlyResetsAt!.Value + BoundaryMargin - now);
        }

        var share = Share(burst, liveReserve);
        if (WaitForRoom(state, now, burstWindow, share) is { } room)
        {
            return (state, room);
        }

        var perSlice = (int)Math.Ceiling(share / (double)SlicesPerWindow);
        if (state.SliceCounts[^1] >= perSlice)
        {
            var slice = SliceLength(burstWindow);
            var nextSlice = new DateTimeOffset((state.FirstSlice + state.SliceCounts.Length) * slice.Ticks + DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.Zero);
            return (state, nextSlice - now);
        }

        return Take(state);
    }

    /// <summary>What background work may use of a limit: never nothing, so a poll under a tiny limit still ends.</summary>
    private static int Share(int limit, double liveReserve) => Math.Max(1, (int)Math.Floor(limit * (1 - liveReserve)));

    /// <summary>Null when one more call fits under <paramref name="limit"/> in the span; else how long until it does.</summary>
    private static TimeSpan? WaitForRoom(DocusignAccountBudgetState state, DateTimeOffset now, TimeSpan burstWindow, int limit)
    {
        var counts = state.SliceCounts;
        var sum = counts.Sum();
        if (sum >= limit)
        {
            // Wait until enough of the oldest slices have left the span for one more call to fit.
            var slice = SliceLength(burstWindow);
            var leaving = 0;
            var index = 0;
            while (index < counts.Length - 1 && sum - leaving >= limit)
            {
                leaving += counts[index++];
            }

            var freeAt = new DateTimeOffset((state.FirstSlice + index + counts.Length - 1) * slice.Ticks + DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.Zero);
            var wait = freeAt - now;
            return wait > TimeSpan.Zero ? wait + BoundaryMargin : slice;
        }

        return null;
    }

    private static (DocusignAccountBudgetState State, TimeSpan Wait) Take(DocusignAccountBudgetState state)
    {
        var reserved = (int[])state.SliceCounts.Clone();
        reserved[^1]++;
        return (state with { HourlyUsed = state.HourlyUsed + 1, SliceCounts = reserved }, TimeSpan.Zero);
    }

    /// <summary>Folds in what an answer received at <paramref name="now"/> said of the account's budget.</summary>
    public static DocusignAccountBudgetState Observe(DocusignAccountBudgetState state, DocusignBudgetReading reading, DateTimeOffset now, TimeSpan burstWindow)
    {
        state = Roll(state, now, burstWindow);
        if (reading.HourlyResetsAt is { } resetsAt && (state.HourlyResetsAt is null || resetsAt >= state.HourlyResetsAt))
        {
            var limit = reading.HourlyLimit ?? state.HourlyLimit;
            var reported = limit is { } l && reading.HourlyRemaining is { } r ? l - r : 0;
            // A later reset is a new hour: what Docusign counts in it is all there is (our reservations were in the last one).
            var used = resetsAt == state.HourlyResetsAt ? Math.Max(state.HourlyUsed, reported) : reported;
            // An answer with room left (a raised limit, or a new hour) ends the probing.
            var probeAt = limit is { } known && used >= known ? state.HourlyProbeAt : null;
            state = state with { HourlyLimit = limit, HourlyUsed = used, HourlyResetsAt = resetsAt, HourlyProbeAt = probeAt };
        }

        if (reading.BurstLimit is { } burstLimit)
        {
            state = state with { BurstLimit = burstLimit };
            var reported = reading.BurstRemaining is { } remaining ? burstLimit - remaining : 0;
            var counted = state.SliceCounts.Sum();
            if (reported > counted)
            {
                // Calls we did not reserve (another app on the account): counted as made now, which can only delay ours.
                var counts = (int[])state.SliceCounts.Clone();
                counts[^1] += reported - counted;
                state = state with { SliceCounts = counts };
            }
        }

        return state;
    }

    /// <summary>
    /// What is left of both windows at <paramref name="now"/> as the deployment counts it (its reservations and what
    /// answers reported), in the shape of an answer's headers; the limits are null until an answer named them.
    /// </summary>
    public static DocusignBudgetReading Remaining(DocusignAccountBudgetState state, DateTimeOffset now, TimeSpan burstWindow)
    {
        state = Roll(state, now, burstWindow);
        return new DocusignBudgetReading(
            state.HourlyLimit,
            state.HourlyLimit is { } hourly ? Math.Max(0, hourly - state.HourlyUsed) : null,
            state.HourlyResetsAt,
            state.BurstLimit,
            state.BurstLimit is { } burst ? Math.Max(0, burst - state.SliceCounts.Sum()) : null);
    }

    /// <summary>Moves both windows up to <paramref name="now"/>: a passed reset starts a new hour, passed slices drop out.</summary>
    private static DocusignAccountBudgetState Roll(DocusignAccountBudgetState state, DateTimeOffset now, TimeSpan burstWindow)
    {
        if (state.HourlyResetsAt is not { } resetsAt || now >= resetsAt)
        {
            // Until an answer says otherwise the hour is the clock's (Docusign blocks "until the start of the next hour", §6).
            var nextHour = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(now.UtcDateTime.Hour + 1);
            state = state with { HourlyUsed = 0, HourlyResetsAt = nextHour, HourlyProbeAt = null };
        }

        var slice = SliceLength(burstWindow);
        var span = SpanSlices(burstWindow);
        var current = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / slice.Ticks;
        var first = current - (span - 1);
        if (state.FirstSlice == first && state.SliceCounts.Length == span)
        {
            return state;
        }

        var counts = new int[span];
        for (var i = 0; i < state.SliceCounts.Length; i++)
        {
            var at = state.FirstSlice + i - first;
            if (at >= 0 && at < counts.Length)
            {
                counts[at] = state.SliceCounts[i];
            }
        }

        return state with { FirstSlice = first, SliceCounts = counts };
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan SliceLength(TimeSpan burstWindow) => burstWindow / SlicesPerWindow;

    /// <summary>The slices counted: the window's, the one now is in, and those covering <see cref="TransitAllowance"/>.</summary>
    private static int SpanSlices(TimeSpan burstWindow) => SlicesPerWindow + 1 + AllowanceSlices(burstWindow);

    private static int AllowanceSlices(TimeSpan burstWindow) => (int)Math.Ceiling(TransitAllowance / SliceLength(burstWindow));
}
