using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.State.Leases;
using ProvisioningBus.State.Rules;

namespace ProvisioningBus.Inbound.RuleDeletion;

/// <summary>
/// At start-up, compares the configured inbound rules with the ones the store remembers: a remembered inbound rule
/// that is no longer configured was deleted (<see cref="DeletedInboundRuleDeprovisioner"/>). A configured rule whose
/// remembered deleted-rule fact is out of date gets it now, since that fact is all a later deletion will have to go on.
/// </summary>
public sealed class InboundRuleLifecycleService(
    InboundRuleCatalog rules,
    IRuleStateStore ruleStates,
    ILeaseStore leases,
    InboundInstance instance,
    DeletedInboundRuleDeprovisioner deletedRules,
    IOptions<LeaseOptions> leaseTimes,
    [FromKeyedServices(InboundExtensions.ScheduleClock)] TimeProvider time,
    ILogger<InboundRuleLifecycleService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var configured = rules.All.Select(rule => rule.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var state in await ruleStates.ListAsync(stoppingToken))
            {
                if (state.Direction != RuleDirection.Inbound)
                {
                    continue;
                }

                if (!configured.Contains(state.Rule))
                {
                    await deletedRules.DeprovisionAsync(state.Rule, stoppingToken);
                }
                else if (rules.Find(state.Rule) is { } rule
                    && !string.Equals(state.ConfigHash, InboundRuleFingerprint.WithFacts(state.ConfigHash, rule.Options), StringComparison.Ordinal))
                {
                    await RememberFactsAsync(rule, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The poller and the consumers keep working; the next start tries again.
            logger.LogError(ex, "Inbound rule start-up reconciliation failed");
        }
    }

    /// <summary>Under the poll's lease, as a run rewrites the whole state; a run holding it now stores the fact itself.</summary>
    private async Task RememberFactsAsync(CompiledInboundRule rule, CancellationToken ct)
    {
        await using var lease = await HeldLease.TryAcquireAsync(leases, InboundSyncRunner.LeaseName(rule.Name), instance.HolderId, leaseTimes.Value.InboundRunTtl, time, logger, ct);
        if (lease is not null && await ruleStates.GetAsync(rule.Name, ct) is { } state)
        {
            // The stored hash is kept: a configuration change it does not reflect yet still calls for a resync.
            await ruleStates.UpsertAsync(state with { ConfigHash = InboundRuleFingerprint.WithFacts(state.ConfigHash, rule.Options) }, ct);
        }
    }
}
