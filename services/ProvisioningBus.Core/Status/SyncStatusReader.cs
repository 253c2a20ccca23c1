using Microsoft.Extensions.Configuration;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Core.Status;

/// <summary>
/// Assembles sync status from configuration (which rules and connections exist) and the store (what happened).
/// Rules come from configuration because a rule that is gone from it is deleted, whatever the store remembers.
/// </summary>
public sealed class SyncStatusReader(IConfiguration configuration, IProvisioningStore store, IQueueDepthReader queues, TimeProvider time)
{
    private const int FailuresShown = 20;

    public async Task<StatusReport> ReadAsync(CancellationToken cancellationToken)
    {
        var rules = new List<RuleStatus>();
        foreach (var (name, direction, section) in ConfiguredRules())
        {
            rules.Add(await ReadRuleAsync(name, direction, section, cancellationToken));
        }

        var (queueDepths, unavailable) = await queues.ReadAsync(cancellationToken);
        return new StatusReport(time.GetUtcNow(), Connections(), rules, queueDepths, unavailable);
    }

    public async Task<RuleStatus?> ReadRuleAsync(string ruleName, CancellationToken cancellationToken)
    {
        var rule = ConfiguredRules().FirstOrDefault(candidate => candidate.Name == ruleName);
        return rule.Name is null ? null : await ReadRuleAsync(rule.Name, rule.Direction, rule.Section, cancellationToken);
    }

    public Task<IReadOnlyList<EntityOutcome>> ListFailuresAsync(string ruleName, int limit, CancellationToken cancellationToken) =>
        store.Ledger.ListFailuresAsync(ruleName, limit, cancellationToken);

    public IReadOnlyList<string> RuleNames() => [.. ConfiguredRules().Select(rule => rule.Name)];

    private async Task<RuleStatus> ReadRuleAsync(string name, string direction, IConfigurationSection section, CancellationToken cancellationToken)
    {
        var summary = await store.Ledger.GetSummaryAsync(name, cancellationToken);
        var lastRun = await store.SyncRuns.GetLatestAsync(name, cancellationToken);
        var state = await store.RuleStates.GetAsync(name, cancellationToken);
        var failures = await store.Ledger.ListFailuresAsync(name, FailuresShown, cancellationToken);
        var enabled = section.GetValue("Enabled", true);
        var status = !enabled ? "Inactive" : lastRun?.Status == SyncRunStatus.Failed ? "Failed" : "Active";
        var lastSync = state?.LastSyncAt ?? lastRun?.CompletedAt;
        return new RuleStatus(name, direction, enabled, status, lastSync, NextDailyRun(state?.DailySyncTimeOfDay),
            summary.Users, summary.Groups, lastRun, state?.PendingApprovalReason, failures);
    }

    private DateTimeOffset? NextDailyRun(TimeOnly? timeOfDay)
    {
        if (timeOfDay is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(timeOfDay.Value), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }

    private IEnumerable<(string Name, string Direction, IConfigurationSection Section)> ConfiguredRules() =>
        configuration.GetSection("Outbound:Rules").GetChildren().Select(section => (section.Key, "outbound", section))
            .Concat(configuration.GetSection("Inbound:Rules").GetChildren().Select(section => (section.Key, "inbound", section)));

    private List<ConnectionStatus> Connections() =>
        [.. configuration.GetSection("Docusign:Connections").GetChildren().Select(section => new ConnectionStatus(
            section.Key, section.GetValue("Enabled", true), section["ServiceUri"], section["AccountId"]))];
}
