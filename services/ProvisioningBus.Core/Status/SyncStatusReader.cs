using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Core.Status;

/// <summary>
/// The one sync-status reader: the status API, the status page and the CLI's <c>status</c> and <c>failures</c> all read
/// through it, so they cannot disagree. It assembles configuration (which rules and connections exist, and whether they
/// are enabled) and the store (what happened). Configuration is read on every call, as the workers' connection switch
/// reads it, so a reloaded toggle shows at once; a rule gone from configuration is deleted, whatever the store remembers.
/// </summary>
public sealed class SyncStatusReader(
    IConfiguration configuration,
    ConnectionSwitch connectionSwitch,
    IProvisioningStore store,
    IQueueDepthReader queues,
    TimeProvider time,
    [FromKeyedServices(InboundSchedule.ClockKey)] TimeProvider scheduleClock)
{
    public const int DefaultFailureLimit = 20;

    public async Task<StatusReport> ReadAsync(CancellationToken cancellationToken)
    {
        var connections = await ConnectionsAsync(cancellationToken);
        var rules = new List<RuleStatus>();
        foreach (var rule in ConfiguredRules())
        {
            rules.Add(await ReadRuleAsync(rule, connections, DefaultFailureLimit, cancellationToken));
        }

        var (queueDepths, unavailable) = await queues.ReadAsync(cancellationToken);
        var parked = await store.ParkedEvents.CountWaitingAsync(cancellationToken);
        return new StatusReport(time.GetUtcNow(), connections, rules, queueDepths, unavailable, parked);
    }

    /// <returns>Null when no rule of that name is configured.</returns>
    public async Task<RuleStatus?> ReadRuleAsync(string ruleName, CancellationToken cancellationToken, int failureLimit = DefaultFailureLimit) =>
        ConfiguredRules().FirstOrDefault(rule => rule.Name == ruleName) is { } configured
            ? await ReadRuleAsync(configured, await ConnectionsAsync(cancellationToken), failureLimit, cancellationToken)
            : null;

    public Task<IReadOnlyList<EntityOutcome>> ListFailuresAsync(string ruleName, int limit, CancellationToken cancellationToken) =>
        store.Ledger.ListFailuresAsync(ruleName, limit, cancellationToken);

    public IReadOnlyList<string> RuleNames() => [.. ConfiguredRules().Select(rule => rule.Name)];

    private async Task<RuleStatus> ReadRuleAsync(ConfiguredRule rule, IReadOnlyList<ConnectionStatus> connections, int failureLimit, CancellationToken cancellationToken)
    {
        var summary = await store.Ledger.GetSummaryAsync(rule.Name, cancellationToken);
        var state = await store.RuleStates.GetAsync(rule.Name, cancellationToken);
        var failures = await store.Ledger.ListFailuresAsync(rule.Name, failureLimit, cancellationToken);
        // The inbound schedule looks back through recent runs for the last scheduled one; the newest run is the first.
        var recent = rule.Inbound is null
            ? await store.SyncRuns.GetLatestAsync(rule.Name, cancellationToken) is { } latest ? [latest] : []
            : await store.SyncRuns.ListRecentAsync(rule.Name, InboundSchedule.RecentRunsExamined, cancellationToken);
        var lastRun = recent.Count > 0 ? recent[0] : null;
        var pingOne = await ConnectionQuarantineState.ReadAsync(store.SharedCounters, ConnectionProblems.PingOneConnection, cancellationToken);
        var (status, reason) = Decide(rule, connections, pingOne.State, lastRun);
        var nextSync = rule.Inbound is null
            ? null
            : InboundSchedule.NextRun(rule.Inbound, state, recent, scheduleClock.GetUtcNow(), InboundRetryDelay());
        return new RuleStatus(
            rule.Name,
            rule.Direction,
            rule.Connection,
            rule.Enabled,
            status,
            reason,
            Latest(state?.LastSyncAt ?? lastRun?.CompletedAt, await store.ProvisioningLog.LastAppliedAtAsync(rule.Name, cancellationToken)),
            nextSync,
            state?.DailySyncTimeOfDay,
            summary.Users,
            summary.Groups,
            lastRun,
            lastRun?.CompletedAt - lastRun?.StartedAt,
            state?.PendingApprovalSnapshotId,
            state?.PendingApprovalReason,
            failures)
        {
            Description = rule.Description,
        };
    }

    /// <summary>"Last sync" is the last time a run completed or a change was applied, whichever is later.</summary>
    private static DateTimeOffset? Latest(DateTimeOffset? run, DateTimeOffset? applied) =>
        run is null ? applied : applied is null ? run : run > applied ? run : applied;

    /// <summary>A disabled rule or connection outranks a failed run: nothing runs until it is enabled again.</summary>
    private static (RuleSyncState Status, string? Reason) Decide(
        ConfiguredRule rule, IReadOnlyList<ConnectionStatus> connections, ConnectionQuarantineState? pingOneQuarantine, SyncRun? lastRun)
    {
        if (!rule.Enabled)
        {
            return (RuleSyncState.Inactive, $"rule {rule.Name} is disabled");
        }

        // Configuration keys ignore case, so the workers' switch finds "Demo" when a rule names "demo".
        var connection = connections.FirstOrDefault(connection => string.Equals(connection.Name, rule.Connection, StringComparison.OrdinalIgnoreCase));
        if (connection is { Enabled: false })
        {
            return (RuleSyncState.Inactive, $"connection {rule.Connection} is disabled");
        }

        if (connection?.Quarantine is { } quarantine)
        {
            return (RuleSyncState.Quarantined, $"connection {rule.Connection}: {quarantine}");
        }

        if (pingOneQuarantine is not null)
        {
            return (RuleSyncState.Quarantined, $"PingOne: {pingOneQuarantine.Describe()}");
        }

        return lastRun?.Status == SyncRunStatus.Failed
            ? (RuleSyncState.Failed, $"last {lastRun.Kind} run failed" + (lastRun.Error is { } error ? $": {error}" : ""))
            : (RuleSyncState.Active, null);
    }

    private IEnumerable<ConfiguredRule> ConfiguredRules()
    {
        var outbound = configuration.GetSection(OutboundOptions.SectionName).Get<OutboundOptions>() ?? new OutboundOptions();
        var inbound = configuration.GetSection(InboundOptions.SectionName).Get<InboundOptions>() ?? new InboundOptions();
        return outbound.Rules.OrderBy(rule => rule.Key, StringComparer.Ordinal)
            .Select(rule => new ConfiguredRule(rule.Key, "outbound", rule.Value.TargetConnection, rule.Value.Enabled, null, rule.Value.Description))
            .Concat(inbound.Rules.OrderBy(rule => rule.Key, StringComparer.Ordinal)
                .Select(rule => new ConfiguredRule(rule.Key, "inbound", rule.Value.SourceConnection, rule.Value.Enabled, rule.Value, rule.Value.Description)));
    }

    private TimeSpan InboundRetryDelay() =>
        (configuration.GetSection(InboundOptions.SectionName).Get<InboundOptions>() ?? new InboundOptions()).FailedRunRetryDelay;

    private async Task<List<ConnectionStatus>> ConnectionsAsync(CancellationToken ct)
    {
        var connections = new List<ConnectionStatus>();
        foreach (var section in configuration.GetSection("Docusign:Connections").GetChildren())
        {
            var (quarantine, _) = await ConnectionQuarantineState.ReadAsync(store.SharedCounters, section.Key, ct);
            connections.Add(new ConnectionStatus(section.Key, connectionSwitch.IsEnabled(section.Key), section["ServiceUri"], section["AccountId"])
            {
                Description = section["Description"],
                Quarantine = quarantine?.Describe(),
            });
        }

        return connections;
    }
}
