using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProvisioningBus.State.Log;

/// <summary>
/// Deletes log entries older than <see cref="ProvisioningLogOptions.Retention"/>, at start-up and every
/// <see cref="ProvisioningLogOptions.PruneInterval"/>. Every process may run it: the delete is idempotent.
/// </summary>
public sealed class ProvisioningLogPruner(IProvisioningStore store, ProvisioningLogOptions options, TimeProvider time, ILogger<ProvisioningLogPruner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PruneInterval, time);
        do
        {
            await PruneOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PruneOnceAsync(CancellationToken ct)
    {
        try
        {
            var deleted = await store.ProvisioningLog.PruneAsync(time.GetUtcNow() - options.Retention, ct);
            if (deleted > 0)
            {
                logger.LogInformation("Provisioning log: pruned {Count} entries older than {Retention}", deleted, options.Retention);
            }

            return deleted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Provisioning log: pruning failed ({Reason}); trying again in {Interval}", ex.Message, options.PruneInterval);
            return 0;
        }
    }
}
