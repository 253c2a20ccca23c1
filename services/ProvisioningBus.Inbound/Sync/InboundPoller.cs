using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>
/// Checks every enabled inbound rule's schedule at start-up and then every <see cref="InboundOptions.ScheduleCheckInterval"/>
/// (on the injected clock), and runs the ones that are due. Every instance polls; the rule's lease lets one run at a time.
/// </summary>
public sealed class InboundPoller(
    InboundRuleCatalog rules,
    InboundSyncRunner runner,
    IRuleStateStore ruleStates,
    ISyncRunStore runs,
    IBus bus,
    IOptions<InboundOptions> options,
    [FromKeyedServices(InboundExtensions.ScheduleClock)] TimeProvider time,
    ILogger<InboundPoller> logger) : BackgroundService
{
    private long lastCheckedTicks = -1;

    /// <summary>When the last schedule check finished (clock time); null before the first.</summary>
    public DateTimeOffset? LastCheckedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref lastCheckedTicks);
            return ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScheduleCheckInterval, time);
        try
        {
            do
            {
                await CheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    /// <summary>Runs every rule that is due now, rules in parallel.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await Task.WhenAll(rules.All.Where(rule => rule.Options.Enabled).Select(rule => CheckRuleAsync(rule, now, ct)));
        Interlocked.Exchange(ref lastCheckedTicks, now.UtcTicks);
    }

    private async Task CheckRuleAsync(CompiledInboundRule rule, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var state = await ruleStates.GetAsync(rule.Name, ct);
            var recent = await runs.ListRecentAsync(rule.Name, InboundSchedule.RecentRunsExamined, ct);
            if (InboundSchedule.Due(rule.Options, state, recent, now, options.Value.FailedRunRetryDelay) is not { } kind)
            {
                return;
            }

            var result = await runner.RunAsync(rule.Name, kind, bus, null, ct);
            if (result.Outcome == InboundSyncOutcome.Busy)
            {
                logger.LogDebug("Inbound rule {Rule}: {Kind} sync due, but another run holds the lease", rule.Name, kind);
            }
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            logger.LogError(exception, "Inbound rule {Rule}: checking the schedule failed; trying again at the next check", rule.Name);
        }
    }
}
