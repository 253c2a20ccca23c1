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

    private readonly Lock _gate = new();
    private int? _hourlyLimit;
    private int? _hourlyRemaining;
    private DateTimeOffset? _hourlyResetsAt;
    private int? _burstLimit;
    private int? _burstRemaining;
    private DateTimeOffset? _observedAt;
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

    public void Observe(HttpResponseMessage response, DateTimeOffset now)
    {
        var headers = response.Headers;
        var hourlyLimit = Header(headers, "X-RateLimit-Limit");
        var hourlyRemaining = Header(headers, "X-RateLimit-Remaining");
        var reset = Header(headers, "X-RateLimit-Reset");
        var burstLimit = Header(headers, "X-BurstLimit-Limit");
        var burstRemaining = Header(headers, "X-BurstLimit-Remaining");
        if (hourlyLimit is null && hourlyRemaining is null && reset is null && burstLimit is null && burstRemaining is null)
        {
            return;
        }

        lock (_gate)
        {
            var burstRolledOver = false;
            if (burstRemaining is { } remaining && _burstRemaining is { } previous && _observedAt is { } previousAt
                && remaining > previous + _inFlight)
            {
                // More budget than the last answer left, by more than reordered answers of calls in flight explain: a
                // window started after previousAt and at most at now. If the assumed boundaries put none there, they
                // are wrong, and now is a boundary that is never early (pacing to it may waste, never overrun).
                if (NextBoundary(previousAt) > now)
                {
                    _burstPhase = Phase(now);
                }

                _burstRolloverSeen = true;
                burstRolledOver = true;
            }

            // Answers of concurrent calls arrive in any order: within one window the budget only shrinks, so an answer
            // that reports more than an earlier one is older and must not hand back calls that are already spent.
            var resetsAt = reset is { } epoch ? DateTimeOffset.FromUnixTimeSeconds(epoch) : _hourlyResetsAt;
            if (resetsAt is null || _hourlyResetsAt is null || resetsAt >= _hourlyResetsAt)
            {
                var sameHour = resetsAt is not null && resetsAt == _hourlyResetsAt;
                _hourlyLimit = (int?)hourlyLimit ?? _hourlyLimit;
                _hourlyRemaining = sameHour ? Smaller(_hourlyRemaining, (int?)hourlyRemaining) : (int?)hourlyRemaining ?? _hourlyRemaining;
                _hourlyResetsAt = resetsAt;
            }

            var sameBurstWindow = !burstRolledOver && _observedAt is { } seenAt && NextBoundary(seenAt) > now;
            _burstLimit = (int?)burstLimit ?? _burstLimit;
            _burstRemaining = sameBurstWindow ? Smaller(_burstRemaining, (int?)burstRemaining) : (int?)burstRemaining ?? _burstRemaining;
            _observedAt = now;
        }
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
            if (hourly - _inFlight <= 0)
            {
                until = Later(until, _hourlyResetsAt is { } resetsAt && resetsAt > now ? resetsAt + BoundaryMargin : NextHour(now));
            }

            var burstFresh = _observedAt is { } observedAt && NextBoundary(observedAt) > now;
            var burst = burstFresh ? _burstRemaining : AtLeastOne(_burstLimit);
            if (burst - _inFlight <= 0)
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
