using System.Collections.Concurrent;

namespace ProvisioningBus.Benchmarks.Deployment;

/// <summary>
/// Counts warnings and errors of the hosts under test by category instead of printing them: the console stays
/// readable, and the counts (rate-limit waits, retries, lost leases) are part of the findings.
/// </summary>
public sealed class LogTally : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    /// <summary>Counts since the last call, by category, with one sample message each; the tally starts again.</summary>
    public IReadOnlyList<(string Category, LogLevel Level, long Count, string Sample)> Drain()
    {
        var drained = new List<(string, LogLevel, long, string)>();
        foreach (var key in entries.Keys)
        {
            if (entries.TryRemove(key, out var entry))
            {
                drained.Add((key, entry.Level, entry.Count, entry.Sample));
            }
        }

        return [.. drained.OrderByDescending(item => item.Item3)];
    }

    public void Dispose()
    {
    }

    private void Add(string category, LogLevel level, string message)
    {
        var key = $"{category} [{level}]";
        entries.AddOrUpdate(key, _ => new Entry(level, 1, Trim(message)), (_, entry) => entry with { Count = entry.Count + 1 });
    }

    private static string Trim(string message) => message.Length <= 200 ? message : message[..200] + "…";

    private sealed record Entry(LogLevel Level, long Count, string Sample);

    private sealed class CategoryLogger(LogTally tally, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var text = formatter(state, exception);
                tally.Add(category, logLevel, exception is null ? text : $"{exception.GetType().Name}: {exception.Message} — {text}");
            }
        }
    }
}
