using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>Every log line of every category at every level, with its scopes' and exceptions' full text, as a sink to scan for secrets.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => sink.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder();
            text.Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                // Structured values reach exporters even when the message template leaves them out.
                foreach (var (key, value) in values)
                {
                    text.Append(" |").Append(key).Append('=').Append(value);
                }
            }

            sink.scopes.ForEachScope((scope, builder) => builder.Append(" scope=").Append(scope), text);
            if (exception is not null)
            {
                text.Append('\n').Append(exception);
            }

            sink.lines.Enqueue(text.ToString());
        }
    }
}
