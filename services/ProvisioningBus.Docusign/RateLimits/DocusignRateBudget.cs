using System.Globalization;

namespace ProvisioningBus.Docusign;

/// <summary>Thread-safe <see cref="IDocusignRateBudget"/> of one connection, fed by <see cref="DocusignRateLimitHandler"/>.</summary>
internal sealed class DocusignRateBudget : IDocusignRateBudget
{
    private readonly Lock _gate = new();
    private int? _hourlyLimit;
    private int? _hourlyRemaining;
    private DateTimeOffset? _hourlyResetsAt;
    private int? _burstLimit;
    private int? _burstRemaining;
    private DateTimeOffset? _observedAt;
    private DateTimeOffset? _blockedUntil;

    public int? HourlyLimit { get { lock (_gate) { return _hourlyLimit; } } }

    public int? HourlyRemaining { get { lock (_gate) { return _hourlyRemaining; } } }

    public DateTimeOffset? HourlyResetsAt { get { lock (_gate) { return _hourlyResetsAt; } } }

    public int? BurstLimit { get { lock (_gate) { return _burstLimit; } } }

    public int? BurstRemaining { get { lock (_gate) { return _burstRemaining; } } }

    public DateTimeOffset? ObservedAt { get { lock (_gate) { return _observedAt; } } }

    public DateTimeOffset? BlockedUntil { get { lock (_gate) { return _blockedUntil; } } }

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
            _hourlyLimit = (int?)hourlyLimit ?? _hourlyLimit;
            _hourlyRemaining = (int?)hourlyRemaining ?? _hourlyRemaining;
            _hourlyResetsAt = reset is { } epoch ? DateTimeOffset.FromUnixTimeSeconds(epoch) : _hourlyResetsAt;
            _burstLimit = (int?)burstLimit ?? _burstLimit;
            _burstRemaining = (int?)burstRemaining ?? _burstRemaining;
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

    /// <summary>How long a new call should wait before it is sent (zero when nothing blocks).</summary>
    public TimeSpan WaitBeforeSending(DateTimeOffset now)
    {
        lock (_gate)
        {
            var until = _blockedUntil;
            if (_hourlyRemaining == 0 && _hourlyResetsAt is { } reset && reset > now)
            {
                until = until is { } b && b > reset ? b : reset;
            }

            return until is { } u && u > now ? u - now : TimeSpan.Zero;
        }
    }

    private static long? Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
