using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProvisioningBus.State.Log;

/// <summary>
/// Drains <see cref="ProvisioningLogQueue"/> into the store in batches, and at shutdown writes whatever is still queued.
/// Registered before the bus, so it stops after the consumers that fill the queue.
/// </summary>
public sealed class ProvisioningLogWriter(
    ProvisioningLogQueue queue, IProvisioningStore store, ProvisioningLogOptions options, TimeProvider time, ILogger<ProvisioningLogWriter> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    // The batch ExecuteAsync held when shutdown interrupted it, for StopAsync to write.
    private List<ProvisioningLogEntry> pending = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ProvisioningLogEntry>(options.BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Drain(batch);
                await WriteWithRetryAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // StopAsync writes what is left, including a batch interrupted here.
            pending = batch;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        queue.Complete();
        var rest = pending;
        Drain(rest, int.MaxValue);
        try
        {
            await store.ProvisioningLog.AppendManyAsync(rest, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Provisioning log: {Count} entries could not be written at shutdown", rest.Count);
        }
    }

    private void Drain(List<ProvisioningLogEntry> batch) => Drain(batch, options.BatchSize);

    private void Drain(List<ProvisioningLogEntry> batch, int max)
    {
        while (batch.Count < max && queue.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }
    }

    /// <summary>A store outage keeps the batch (the queue fills meanwhile and then holds the workers back) until it answers.</summary>
    private async Task WriteWithRetryAsync(List<ProvisioningLogEntry> batch, CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                // Not cancelled by shutdown: a batch half-inserted is harmless (ids make the retry idempotent), but
                // one abandoned here would be written again only by StopAsync.
                await store.ProvisioningLog.AppendManyAsync(batch, CancellationToken.None);
                batch.Clear();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Provisioning log: writing {Count} entries failed ({Reason}); retrying in {Backoff}", batch.Count, ex.Message, backoff);
                await Task.Delay(backoff, time, ct);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
