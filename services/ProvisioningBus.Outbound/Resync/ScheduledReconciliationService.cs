using Microsoft.Extensions.Options;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// Runs each enabled outbound rule's full resync once <see cref="ReconciliationOptions.Interval"/> has passed since its
/// last full sync, so drift (a lost webhook, a change made in Docusign) is repaired without an operator. Its Docusign
/// calls are background work that leaves <see cref="ReconciliationOptions.LiveReserve"/> of the budget to live changes.
/// Every instance checks; the rule's resync lease lets one run it, and the others then find it done.
/// </summary>
public sealed class ScheduledReconciliationService(
    OutboundRuleCatalog rules,
    OutboundRuleResync resync,
    IProvisioningStore store,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<ScheduledReconciliationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        // Checking a tenth of the interval apart keeps a run at most 10 % late, and at most once a minute for a daily one.
        var check = TimeSpan.FromTicks(Math.Clamp(settings.Interval.Ticks / 10, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(1).Ticks));
        using var timer = new PeriodicTimer(check, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var rule in rules.All.Where(rule => rule.Options.Enabled))
                {
                    await ReconcileIfDueAsync(rule, settings, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReconcileIfDueAsync(CompiledOutboundRule rule, ReconciliationOptions settings, CancellationToken ct)
    {
        try
        {
            var latest = await store.SyncRuns.GetLatestAsync(rule.Name, ct);
            // Not before the rule's first sync (the lifecycle service runs it), and never beside a running one.
            if (latest is null || latest.CompletedAt is not { } completed || completed + settings.Interval > time.GetUtcNow())
            {
                return;
            }

            using (DocusignCallPriority.Background(settings.LiveReserve))
            {
                var run = await resync.RunAsync(rule, SyncRunKind.Scheduled, ct);
                if (run is not null)
                {
                    logger.LogInformation("Rule {Rule}: scheduled reconciliation done: {Counts}", rule.Name, run.Counts);
                }
            }
        }
        catch (ResyncAlreadyRunningException)
        {
            // Another instance (or an operator's sync) is reconciling the rule now.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Recorded on the run (Failed, with the error) for status; the next check tries again.
            logger.LogError(ex, "Rule {Rule}: scheduled reconciliation failed", rule.Name);
        }
    }
}
