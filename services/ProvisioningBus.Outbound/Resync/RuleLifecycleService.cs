using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// At start-up, compares the configured outbound rules with the ones the store remembers: a remembered rule that is
/// no longer configured was deleted (deprovisioned once if it asked for it), and a new rule, or one whose scope,
/// mappings, connection authentication or enabled state changed so that it is active now, gets a full resync, as
/// PingOne resyncs a rule in those cases. Every decision is taken under the rule's lease, so with several instances
/// starting together exactly one acts and the others find the stored state already up to date.
/// </summary>
public sealed class RuleLifecycleService(
    OutboundRuleCatalog rules,
    IConfiguration configuration,
    IProvisioningStore store,
    ConnectionSwitch connections,
    DeletedRuleDeprovisioner deletedRules,
    OutboundRuleResync resync,
    WorkerInstance instance,
    IOptions<LeaseOptions> leaseTimes,
    TimeProvider time,
    ILogger<RuleLifecycleService> logger,
    UnpushedGroups? unpushedGroups = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var configured = rules.All.Select(rule => rule.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var state in await store.RuleStates.ListAsync(stoppingToken))
            {
                if (state.Direction == RuleDirection.Outbound && !configured.Contains(state.Rule))
                {
                    await deletedRules.DeprovisionAsync(state.Rule, stoppingToken);
                }
            }

            var remembered = (await store.RuleStates.ListAsync(stoppingToken)).Select(state => state.Rule).ToHashSet(StringComparer.Ordinal);
            foreach (var endpoint in await store.RuleEndpoints.ListAsync(stoppingToken))
            {
                // A rule removed before its first reconciliation left only its endpoint: nothing to deprovision.
                if (endpoint.Direction == RuleDirection.Outbound && !configured.Contains(endpoint.Rule) && !remembered.Contains(endpoint.Rule))
                {
                    await store.RuleEndpoints.DeleteAsync(endpoint.Rule, stoppingToken);
                }
            }

            foreach (var rule in rules.All)
            {
                await ReconcileConfigurationAsync(rule, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // The consumers keep working; the next start (or a SyncRule) tries again.
            logger.LogError(ex, "Outbound rule start-up reconciliation failed");
        }

        await ReconcileOnReloadAsync(stoppingToken);
    }

    /// <summary>
    /// A configuration reloaded while the worker runs can enable a connection again (its toggle is read live): the rules
    /// are checked again at once, so what was skipped while it was off is reconciled without waiting for a restart.
    /// </summary>
    private async Task ReconcileOnReloadAsync(CancellationToken stoppingToken)
    {
        using var reloaded = new SemaphoreSlim(0);
        using var subscription = ChangeToken.OnChange(configuration.GetReloadToken, () => reloaded.Release());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reloaded.WaitAsync(stoppingToken);
                while (reloaded.CurrentCount > 0)
                {
                    await reloaded.WaitAsync(stoppingToken);
                }

                foreach (var rule in rules.All)
                {
                    await ReconcileConfigurationAsync(rule, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbound rule reconciliation after a configuration reload failed");
            }
        }
    }

    private async Task ReconcileConfigurationAsync(CompiledOutboundRule rule, CancellationToken ct)
    {
        await using var lease = await HeldLease.AcquireAsync(store.Leases, LeaseNames.RuleConfiguration(rule.Name), instance.Id, leaseTimes.Value.RuleTtl, leaseTimes.Value.RuleWait, time, logger, ct);
        if (lease is null)
        {
            logger.LogWarning("Rule {Rule}: another instance kept the configuration lease; not checking for changes now", rule.Name);
            return;
        }

        // A host without the group role (users only) leaves groups to the hosts that have it.
        if (unpushedGroups is not null && connections.IsEnabled(rule.Options.TargetConnection) && rule.Options.Enabled)
        {
            try
            {
                await unpushedGroups.ReleaseAsync(rule, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // The rule's next resync (scheduled, manual or the next start) lets them go; the rule's own checks go on.
                logger.LogWarning("Rule {Rule}: groups that left Groups to push could not be released now ({Error}: {Message})", rule.Name, ex.GetType().Name, ex.Message);
            }
        }

        var fingerprint = OutboundRuleFingerprint.Of(rule, configuration, connections.IsEnabled(rule.Options.TargetConnection));
        var state = await store.RuleStates.GetAsync(rule.Name, ct);
        var stored = state is null ? null : OutboundRuleFingerprint.Parse(state.ConfigHash);
        if (stored is not null && stored == fingerprint)
        {
            return;
        }

        if (fingerprint.RequiresResyncSince(stored))
        {
            logger.LogInformation("Rule {Rule}: {Reason}; running a full resync", rule.Name, state is null ? "new rule" : "configuration or connection changed");
            try
            {
                await resync.RunAsync(rule, state is null ? SyncRunKind.Initial : SyncRunKind.FullResync, ct);
            }
            catch (ResyncAlreadyRunningException)
            {
                // A resync requested meanwhile (SyncRule) covers this configuration too: it reads everything afresh.
            }
        }

        // Stored after the resync: an instance that dies meanwhile leaves the old fingerprint, so the next start resyncs again.
        var now = time.GetUtcNow();
        var current = await store.RuleStates.GetAsync(rule.Name, ct);
        await store.RuleStates.UpsertAsync(
            (current ?? new RuleState(rule.Name, RuleDirection.Outbound, string.Empty, now, null, null, null, null)) with { ConfigHash = fingerprint.Format() },
            ct);
    }
}
