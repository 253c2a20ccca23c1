namespace Docusign.Emulator;

/// <summary>
/// A clock that runs <see cref="Scale"/> times faster than the wall clock from the moment it is created, so hourly
/// windows pass in seconds. Share one instance between the emulator and the client under test.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _origin;
    private readonly long _originTimestamp;

    public ScaledTimeProvider(double scale, DateTimeOffset? start = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        Scale = scale;
        _origin = start ?? System.GetUtcNow();
        _originTimestamp = System.GetTimestamp();
    }

    public double Scale { get; }

    public override DateTimeOffset GetUtcNow() => _origin + System.GetElapsedTime(_originTimestamp) * Scale;

    public override long GetTimestamp() =>
        _originTimestamp + (long)((System.GetTimestamp() - _originTimestamp) * Scale);

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period));

    private TimeSpan Shrink(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Scale;
}
