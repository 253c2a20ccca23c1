using System.Globalization;

namespace ProvisioningBus.Docusign;

/// <summary>
/// Thread-safe <see cref="IDocusignRateBudget"/> of one connection, fed by <see cref="DocusignRateLimitHandler"/>, and
/// the admission gate in front of every call: a call is sent only while the budget the headers reported, less the
/// calls already in flight, leaves room in both the hour and the 30-second burst window. Counting in-flight calls is
/// what keeps a process with many concurrent callers from overrunning the last few calls of a window.
/// </summary>
internal sealed class DocusignRateBudget(TimeSpan burstWindow) : IDocusignRateBudget
{
    // Sent this long after a boundary, a call cannot land in the window before it even if the two clocks differ a little.
    private static readonly TimeSpan BoundaryMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// While the hour is spent, one call is let through when no answer came for this long: only an answer can tell that
    /// the account's limit was raised meanwhile, so a running worker notices without waiting for the reset or a restart.
    /// </summary>
    public static readonly TimeSpan HourlyProbeInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private int? _hourlyLimit;
    private int? _hourlyRemaining;
    private DateTimeOffset? _hourlyResetsAt;
    private int? _burstLimit;
    private int? _burstRemaining;
    private DateTimeOffset? _observedAt;
    private DateTimeOffset? _burstObservedAt;
    private DateTimeOffset? _blockedUntil;
    private int _inFlight;

    // Where burst windows start, as an offset into each window of the Unix epoch. Docusign documents a 30-second span
    // but not its alignment: clock-aligned windows are assumed until a rollover contradicts it, which moves the phase.
    private TimeSpan _burstPhase = TimeSpan.Zero;
    private bool _burstRolloverSeen;

    public int? HourlyLimit { get { lock (_gate) { return _hourlyLimit; } } }

    public int? HourlyRemaining { get { lock (_gate) { return _hourlyRemaining; } } }

    public DateTimeOffset? HourlyResetsAt { get { lock (_gate) { return _hourlyResetsAt; } } }

    public int? BurstLimit { get { lock (_gate) { return _burstLimit; } } }

    public int? BurstRemaining { get { lock (_gate) { return _burstRemaining; } } }

    public DateTimeOffset? ObservedAt { get { lock (_gate) { return _observedAt; } } }

    public DateTimeOffset? BlockedUntil { get { lock (_gate) { return _blockedUntil; } } }

    /// <summary>Calls admitted and not answered yet.</summary>
    public int InFlight { get { lock (_gate) { return _inFlight; } } }

    /// <summary>Reads the headers of the answer to a call sent at <paramref name="sentAt"/> and received at <paramref name="now"/>.</summary>
    public void Observe(HttpResponseMessage response, DateTimeOffset sentAt, DateTimeOffset now)
    {
        var headers = response.Headers;
        var hourlyLimit = (int?)Header(headers, "X-RateLimit-Limit");
        var hourlyRemaining = (int?)Header(headers, "X-RateLimit-Remaining");
        var reset = Header(headers, "X-RateLimit-Reset");
        var burstLimit = (int?)Header(headers, "X-BurstLimit-Limit");
        var burstRemaining = (int?)Header(headers, "X-BurstLimit-Remaining");
        if (hourlyLimit is null && hourlyRemaining is null && reset is null && burstLimit is null && burstRemaining is null)
        {
            return;
        }

        // Answers of concurrent calls arrive in any order, so within one window a figure only ever shrinks: an answer
        // reporting more than an earlier one is older, and believing it would hand back calls already spent.
        lock (_gate)
        {
            _observedAt = now;
            ObserveHourly(hourlyLimit, hourlyRemaining, reset is { } epoch ? DateTimeOffset.FromUnixTimeSeconds(epoch) : null);
            _burstLimit = burstLimit ?? _burstLimit;
            if (burstRemaining is { } remaining)
            {
                ObserveBurst(remaining, sentAt, now);
            }
        }
    }

    private void ObserveHourly(int? limit, int? remaining, DateTimeOffset? resetsAt)
    {
        if (resetsAt is not null && _hourlyResetsAt is not null && resetsAt < _hourlyResetsAt)
        {
            return; // Sent in the previous hour, read after an answer from this one.
        }

        var sameHour = resetsAt is not null && resetsAt == _hourlyResetsAt;
        _hourlyLimit = limit ?? _hourlyLimit;
        _hourlyRemaining = sameHour ? Smaller(_hourlyRemaining, remaining) : remaining ?? _hourlyRemaining;
        _hourlyResetsAt = resetsAt ?? _hourlyResetsAt;
    }

    private void ObserveBurst(int remaining, DateTimeOffset sentAt, DateTimeOffset now)
    {
        if (_burstRemaining is not { } previous || _burstObservedAt is not { } previousAt)
        {
            (_burstRemaining, _burstObservedAt) = (remaining, now);
            return;
        }

        if (remaining > previous && sentAt > previousAt)
        {
            // Sent after the previous answer arrived, so Docusign counted it later, yet more is left: a window started
            // after previousAt and at most at now. If the assumed boundaries put none there, they are wrong, and now is
            // a boundary that is never early (pacing to it may waste, never overrun).
            if (NextBoundary(previousAt) > now)
            {
                _burstPhase = Phase(now);
            }

            _burstRolloverSeen = true;
            (_burstRemaining, _burstObservedAt) = (remaining, now);
        }
        else if (NextBoundary(previousAt) > now)
        {
            (_burstRemaining, _burstObservedAt) = (Math.Min(previous, remaining), now);
        }
        else if (sentAt >= NextBoundary(previousAt))
        {
            (_burstRemaining, _burstObservedAt) = (remaining, now);
        }

        // Otherwise the call was sent before the window now assumed began and answered after it: the figure may be
        // the old window's, so it is left out (the new window counts as full less the calls in flight).
    }

    public void BlockUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (_blockedUntil is null || until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    /// <summary>
    /// When a burst-limited call can be sent again: the end of the current window once a rollover has shown where
    /// windows end, else a whole window from now (which is always past the end).
    /// </summary>
    public DateTimeOffset BurstWindowEnd(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _burstRolloverSeen ? NextBoundary(now) + BoundaryMargin : now + burstWindow;
        }
    }

    /// <summary>
    /// Admits a call (counting it in flight) and returns zero, or returns how long to wait before asking again. A
    /// <paramref name="forced"/> call is admitted anyway; the wait it would have had is still returned.
    /// </summary>
    public TimeSpan TryAdmit(DateTimeOffset now, bool forced = false)
    {
        lock (_gate)
        {
            var until = _blockedUntil is { } blocked && blocked > now ? blocked : (DateTimeOffset?)null;

            // A figure counts only within the window it was read in; once that window is over, the new one is full
            // (at least one call: a limit read as 0 may have changed, and only a call can tell).
            var hourlyFresh = _hourlyResetsAt is not { } reset || reset > now;
            var hourly = hourlyFresh ? _hourlyRemaining : AtLeastOne(_hourlyLimit);
            var probing = false;
            if (hourly - _inFlight <= 0)
            {
                var resetAt = _hourlyResetsAt is { } resetsAt && resetsAt > now ? resetsAt + BoundaryMargin : NextHour(now);
                var probeAt = (_observedAt ?? now) + HourlyProbeInterval;
                probing = _inFlight == 0 && now >= probeAt && now < resetAt;
                if (!probing)
                {
                    until = Later(until, probeAt > now && probeAt < resetAt ? probeAt : resetAt);
                }
            }

            var burstFresh = _burstObservedAt is { } observedAt && NextBoundary(observedAt) > now;
            var burst = burstFresh ? _burstRemaining : AtLeastOne(_burstLimit);
            if (burst - _inFlight <= 0 && !probing)
            {
                until = Later(until, NextBoundary(now) + BoundaryMargin);
            }

            if (until is null || forced)
            {
                _inFlight++;
            }

            return until is { } wait ? wait - now : TimeSpan.Zero;
        }
    }

    /// <summary>The admitted call was answered (its headers observed) or failed.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _inFlight--;
        }
    }

    private DateTimeOffset NextBoundary(DateTimeOffset now)
    {
        var intoWindow = TimeSpan.FromTicks(((now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks - _burstPhase.Ticks) % burstWindow.Ticks + burstWindow.Ticks) % burstWindow.Ticks);
        return now - intoWindow + burstWindow;
    }

    private TimeSpan Phase(DateTimeOffset boundary) =>
        TimeSpan.FromTicks((boundary.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) % burstWindow.Ticks);

    private static int? Smaller(int? current, int? reported) =>
        current is { } c && reported is { } r ? Math.Min(c, r) : reported ?? current;

    private static int? AtLeastOne(int? limit) => limit is { } l ? Math.Max(l, 1) : null;

    private static DateTimeOffset NextHour(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(now.UtcDateTime.Hour + 1) + BoundaryMargin;

    private static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c > candidate ? c : candidate;

    private static long? Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
