using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Status;

/// <summary>Sync status of the inbound rules, for the HTTP API, the CLI and the status page.</summary>
public sealed class InboundSyncStatus(
    InboundRuleCatalog rules,
    ISyncLedger ledger,
    ISyncRunStore runs,
    IRuleStateStore ruleStates,
    IOptions<InboundOptions> options,
    [FromKeyedServices(InboundExtensions.ScheduleClock)] TimeProvider time)
{
    public async Task<IReadOnlyList<InboundRuleStatus>> GetAllAsync(CancellationToken ct)
    {
        var statuses = new List<InboundRuleStatus>();
        foreach (var rule in rules.All.OrderBy(rule => rule.Name, StringComparer.Ordinal))
        {
            statuses.Add(await GetAsync(rule, ct));
        }

        return statuses;
    }

    /// <returns>Null when no inbound rule has this name.</returns>
    public async Task<InboundRuleStatus?> GetAsync(string rule, CancellationToken ct) =>
        rules.Find(rule) is { } compiled ? await GetAsync(compiled, ct) : null;

    private async Task<InboundRuleStatus> GetAsync(CompiledInboundRule rule, CancellationToken ct)
    {
        var summary = await ledger.GetSummaryAsync(rule.Name, ct);
        var recent = await runs.ListRecentAsync(rule.Name, InboundSchedule.RecentRunsExamined, ct);
        var state = await ruleStates.GetAsync(rule.Name, ct);
        var last = recent.Count > 0 ? recent[0] : null;
        return new InboundRuleStatus(
            rule.Name,
            rule.Options.Enabled,
            summary,
            last,
            last?.CompletedAt - last?.StartedAt,
            state?.LastSyncAt,
            state?.DailySyncTimeOfDay,
            InboundSchedule.NextRun(rule, state, recent, time.GetUtcNow(), options.Value.FailedRunRetryDelay),
            state?.PendingApprovalSnapshotId,
            state?.PendingApprovalReason);
    }
}
