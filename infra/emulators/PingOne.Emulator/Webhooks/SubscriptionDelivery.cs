using System.Text;
using Microsoft.Extensions.Logging;
using PingOne.Emulator.Activities;
using PingOne.Emulator.Hosting;

namespace PingOne.Emulator.Webhooks;

/// <summary>
/// Delivers one subscription the way PingOne documents it (fact sheet §1.3): batches of up to
/// <see cref="SubscriptionDefinition.MaxEventsPerPayload"/> events, strictly in order; the head batch is re-posted
/// until it gets exactly 200 ("doesn't move on to the next event until a 200 response has returned"), so an
/// outage delays events but loses none. A disabled subscription accumulates events and sends them once enabled.
/// </summary>
internal sealed class SubscriptionDelivery : IAsyncDisposable
{
    private const int AttemptHistoryLimit = 200;

    private readonly ActivityLog _log;
    private readonly DeliveryClients _clients;
    private readonly PingOneEmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ChangeSignal _progress;
    private readonly ILogger _logger;
    private readonly ChangeSignal _definitionChanged = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _historyGate = new();
    private readonly LinkedList<DeliveryAttempt> _history = new();
    private SubscriptionDefinition _definition;
    private long _cursor;
    private long _deliveredEvents;
    private long _acceptedPosts;
    private long _failedPosts;
    private Task _loop = Task.CompletedTask;

    public SubscriptionDelivery(
        SubscriptionDefinition definition,
        long startAfterSequence,
        ActivityLog log,
        DeliveryClients clients,
        PingOneEmulatorOptions options,
        TimeProvider time,
        ChangeSignal progress,
        ILogger logger)
    {
        _definition = definition;
        _cursor = startAfterSequence;
        _log = log;
        _clients = clients;
        _options = options;
        _time = time;
        _progress = progress;
        _logger = logger;
    }

    public SubscriptionDefinition Definition => Volatile.Read(ref _definition);

    /// <summary>The last log sequence this subscription is done with (delivered, or skipped by its filters).</summary>
    public long Cursor => Interlocked.Read(ref _cursor);

    public long DeliveredEvents => Interlocked.Read(ref _deliveredEvents);

    public long AcceptedPosts => Interlocked.Read(ref _acceptedPosts);

    public long FailedPosts => Interlocked.Read(ref _failedPosts);

    public IReadOnlyList<DeliveryAttempt> Attempts()
    {
        lock (_historyGate)
        {
            return [.. _history];
        }
    }

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public void Replace(SubscriptionDefinition definition)
    {
        Volatile.Write(ref _definition, definition);
        _definitionChanged.Pulse();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var wake = Task.WhenAny(_log.Appended.NextChange, _definitionChanged.NextChange);
            var definition = Definition;
            if (!definition.Enabled)
            {
                await wake.WaitAsync(ct);
                continue;
            }

            var (batch, scannedThrough) = _log.Read(Cursor, Math.Clamp(definition.MaxEventsPerPayload, 1, 500), definition.Matches);
            if (batch.Count > 0)
            {
                await DeliverUntilAcceptedAsync(batch, ct);
                Interlocked.Add(ref _deliveredEvents, batch.Count);
            }

            if (scannedThrough > Cursor)
            {
                Interlocked.Exchange(ref _cursor, scannedThrough);
                _progress.Pulse();
                continue;
            }

            await wake.WaitAsync(ct);
        }
    }

    private async Task DeliverUntilAcceptedAsync(IReadOnlyList<RecordedActivity> batch, CancellationToken ct)
    {
        var failures = 0;
        while (true)
        {
            var wake = _definitionChanged.NextChange;
            var definition = Definition;
            if (!definition.Enabled)
            {
                await wake.WaitAsync(ct);
                continue;
            }

            var status = await PostAsync(definition, batch, ct);
            var accepted = status == 200;
            Remember(new DeliveryAttempt(_time.GetUtcNow(), batch.Count, batch[0].Id, status, accepted));
            if (accepted)
            {
                Interlocked.Increment(ref _acceptedPosts);
                return;
            }

            Interlocked.Increment(ref _failedPosts);
            _progress.Pulse();
            failures++;
            var delay = RetryDelay(failures);
            _logger.LogInformation(
                "Subscription {Subscription}: batch of {Count} events starting at {EventId} got {Status}; retrying in {Delay}",
                definition.Name,
                batch.Count,
                batch[0].Id,
                status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response",
                delay);
            await Task.Delay(delay, _time, ct);
        }
    }

    private TimeSpan RetryDelay(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 16));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.DeliveryRetryDelay.Ticks * factor, _options.MaxDeliveryRetryDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private async Task<int?> PostAsync(SubscriptionDefinition definition, IReadOnlyList<RecordedActivity> batch, CancellationToken ct)
    {
        var ndJson = string.Equals(definition.PayloadFormat, "ND_JSON", StringComparison.OrdinalIgnoreCase);
        var body = ndJson
            ? string.Join('\n', batch.Select(a => a.Json)) + "\n"
            : "[" + string.Join(',', batch.Select(a => a.Json)) + "]";
        using var request = new HttpRequestMessage(HttpMethod.Post, definition.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, ndJson ? "application/x-ndjson" : "application/json"),
        };
        foreach (var (name, value) in definition.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(_options.DeliveryTimeout);
        try
        {
            using var response = await _clients.For(definition).SendAsync(request, attempt.Token);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private void Remember(DeliveryAttempt attempt)
    {
        lock (_historyGate)
        {
            _history.AddLast(attempt);
            if (_history.Count > AttemptHistoryLimit)
            {
                _history.RemoveFirst();
            }
        }
    }
}
