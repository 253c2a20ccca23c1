using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Outbound.Status;

/// <summary>Per-rule sync status, from the sync ledger, the run history and the rule's remembered state.</summary>
public sealed class OutboundSyncStatus(OutboundRuleCatalog rules, IProvisioningStore store, ConnectionSwitch connections)
{
    public const int DefaultFailureLimit = 20;

    public async Task<IReadOnlyList<OutboundRuleSyncStatus>> GetAllAsync(CancellationToken ct)
    {
        var statuses = new List<OutboundRuleSyncStatus>();
        foreach (var rule in rules.All)
        {
            statuses.Add(await GetAsync(rule, DefaultFailureLimit, ct));
        }

        return statuses;
    }

    /// <summary>The status of a configured rule; null when no outbound rule has that name.</summary>
    public async Task<OutboundRuleSyncStatus?> GetAsync(string ruleName, CancellationToken ct, int failureLimit = DefaultFailureLimit) =>
        rules.Find(ruleName) is { } rule ? await GetAsync(rule, failureLimit, ct) : null;

    private async Task<OutboundRuleSyncStatus> GetAsync(CompiledOutboundRule rule, int failureLimit, CancellationToken ct)
    {
        var summary = await store.Ledger.GetSummaryAsync(rule.Name, ct);
        var latestRun = await store.SyncRuns.GetLatestAsync(rule.Name, ct);
        var ruleState = await store.RuleStates.GetAsync(rule.Name, ct);
        var failures = await store.Ledger.ListFailuresAsync(rule.Name, failureLimit, ct);
        var state = !rule.Options.Enabled || !connections.IsEnabled(rule.Options.TargetConnection)
            ? RuleSyncState.Inactive
            : latestRun?.Status == SyncRunStatus.Failed ? RuleSyncState.Failed : RuleSyncState.Active;
        var lastSync = ruleState?.LastSyncAt ?? latestRun?.CompletedAt;
        return new OutboundRuleSyncStatus(rule.Name, state, lastSync, summary.Users, summary.Groups, latestRun, failures);
    }
}
