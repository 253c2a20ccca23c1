using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Core.Notifications;
using ProvisioningBus.State.Budgets;

namespace ProvisioningBus.Core.Connections;

/// <summary>
/// Pauses a connection whose credential or rights keep being refused (bad client secret, revoked consent,
/// <c>CONSENT_REQUIRED</c>, <c>USER_LACKS_PERMISSIONS</c>), instead of letting every change fail until it lands in
/// <c>_error</c>. The quarantine is shared through the store, so every worker process pauses and the status shows it;
/// one try is let through when its backoff ends, and the first success, in any process, lifts it.
/// </summary>
/// <remarks>
/// Only a try made once the backoff was due can extend the quarantine: the changes that were already in flight when it
/// began fail too, and counting them would double the backoff a dozen times over one refusal.
/// </remarks>
public sealed class ConnectionQuarantine(
    ISharedCounterStore store, OperatorNotifier notifier, IOptions<QuarantineOptions> options, TimeProvider time, ILogger<ConnectionQuarantine> logger)
{
    private readonly ConcurrentDictionary<string, Local> _local = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Waits while any of <paramref name="connections"/> is quarantined and its next try is not due, but not past
    /// <paramref name="holdUntil"/>.
    /// </summary>
    public async Task<AttemptVerdict> WaitForAttemptAsync(IReadOnlyCollection<string> connections, DateTimeOffset holdUntil, CancellationToken ct)
    {
        while (true)
        {
            var due = DateTimeOffset.MinValue;
            foreach (var connection in connections)
            {
                if (await CachedAsync(connection, ct) is { } state && state.NextAttemptAt > due)
                {
                    due = state.NextAttemptAt;
                }
            }

            var now = time.GetUtcNow();
            if (due <= now)
            {
                return AttemptVerdict.Attempt;
            }

            if (now >= holdUntil)
            {
                return AttemptVerdict.HandBack;
            }

            var pause = new[] { due - now, holdUntil - now, options.Value.PollInterval }.Min();
            await Task.Delay(pause, time, ct);
        }
    }

    /// <summary>A refusal of the connection's credential or rights.</summary>
    /// <returns>Whether the connection is quarantined now (by this refusal or before it).</returns>
    public async Task<bool> ReportRefusalAsync(string connection, ClassifiedFailure failure, CancellationToken ct)
    {
        var local = _local.GetOrAdd(connection, _ => new Local());
        var refusals = Interlocked.Increment(ref local.Refusals);
        return await QuarantineAsync(connection, $"{failure.ErrorCode}: {failure.Message}", startsQuarantine: refusals >= options.Value.FailuresBeforeQuarantine, ct);
    }

    /// <summary>
    /// A failed Test Connection: the connection is quarantined at once, so nothing goes through it until a try (after
    /// the backoff) or a passing test succeeds.
    /// </summary>
    public async Task ReportFailedTestAsync(string connection, string reason, CancellationToken ct) =>
        await QuarantineAsync(connection, "Connection test failed: " + reason, startsQuarantine: true, ct);

    /// <param name="startsQuarantine">Whether this failure may quarantine a connection that is not quarantined yet.</param>
    /// <returns>Whether the connection is quarantined now.</returns>
    private async Task<bool> QuarantineAsync(string connection, string reason, bool startsQuarantine, CancellationToken ct)
    {
        var local = _local.GetOrAdd(connection, _ => new Local());
        var settings = options.Value;
        var name = ConnectionQuarantineState.StateName(connection);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (stored, version) = await ReadStoredAsync(connection, ct);
            var now = time.GetUtcNow();
            if (stored is null && !startsQuarantine)
            {
                return false;
            }

            if (stored is not null && stored.NextAttemptAt > now)
            {
                return true;
            }

            var tries = (stored?.FailedTries ?? 0) + 1;
            var next = new ConnectionQuarantineState(reason, tries, stored?.Since ?? now, now + Backoff(settings, tries));
            if (await store.TryReplaceAsync(name, JsonSerializer.Serialize(next), version, ct) is null)
            {
                continue;
            }

            local.Cache(next, now);
            Interlocked.Exchange(ref local.Refusals, 0);
            logger.LogWarning(
                "Connection {Connection} quarantined ({Reason}); try {Try} failed, next attempt at {NextAttemptAt:u}. Changes wait and are applied once it is fixed",
                connection, next.Reason, tries, next.NextAttemptAt);
            if (stored is null)
            {
                await notifier.NotifyAsync(
                    "connection.quarantined",
                    connection,
                    $"ProvisioningBus: connection {connection} is quarantined ({next.Reason}). Changes wait; next attempt at {next.NextAttemptAt:u}. Fix the connection's credential or rights.",
                    ct);
            }

            return true;
        }

        // Other processes kept writing first: whatever they wrote decides.
        return (await ReadStoredAsync(connection, ct)).State is not null;
    }

    /// <summary>A call through the connection succeeded: the refusals in a row start again, and a quarantine is lifted.</summary>
    public async Task ReportSuccessAsync(string connection, CancellationToken ct)
    {
        var local = _local.GetOrAdd(connection, _ => new Local());
        Interlocked.Exchange(ref local.Refusals, 0);
        if (await CachedAsync(connection, ct) is null)
        {
            return;
        }

        var (stored, version) = await ReadStoredAsync(connection, ct);
        if (stored is null || await store.TryReplaceAsync(ConnectionQuarantineState.StateName(connection), "", version, ct) is null)
        {
            return;
        }

        local.Cache(null, time.GetUtcNow());
        logger.LogWarning("Connection {Connection} recovered after {Tries} failed tries; the changes that waited are applied now", connection, stored.FailedTries);
        await notifier.NotifyAsync("connection.recovered", connection, $"ProvisioningBus: connection {connection} recovered; the changes that waited are being applied.", ct);
    }

    private static TimeSpan Backoff(QuarantineOptions settings, int tries)
    {
        var doubled = settings.FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(tries - 1, 30));
        return TimeSpan.FromMilliseconds(Math.Min(doubled, settings.MaxBackoff.TotalMilliseconds));
    }

    /// <summary>The state as read at most <see cref="QuarantineOptions.PollInterval"/> ago: a success costs no store read while all is well.</summary>
    private async Task<ConnectionQuarantineState?> CachedAsync(string connection, CancellationToken ct)
    {
        var local = _local.GetOrAdd(connection, _ => new Local());
        var now = time.GetUtcNow();
        if (local.Fresh(now, options.Value.PollInterval, out var cached))
        {
            return cached;
        }

        var (state, _) = await ReadStoredAsync(connection, ct);
        local.Cache(state, now);
        return state;
    }

    private Task<(ConnectionQuarantineState? State, long Version)> ReadStoredAsync(string connection, CancellationToken ct) =>
        ConnectionQuarantineState.ReadAsync(store, connection, ct);

    private sealed class Local
    {
        public int Refusals;
        private (ConnectionQuarantineState? State, DateTimeOffset ReadAt)? _cached;

        public void Cache(ConnectionQuarantineState? state, DateTimeOffset readAt)
        {
            lock (this)
            {
                _cached = (state, readAt);
            }
        }

        public bool Fresh(DateTimeOffset now, TimeSpan maxAge, out ConnectionQuarantineState? state)
        {
            lock (this)
            {
                state = _cached?.State;
                return _cached is { } cached && now - cached.ReadAt < maxAge;
            }
        }
    }
}
