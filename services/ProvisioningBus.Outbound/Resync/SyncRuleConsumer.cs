using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// "Full Resync" on demand: reconciles the named outbound rule. <see cref="SyncRule"/> is published, so inbound
/// workers receive it too; each ignores rules it does not own.
/// </summary>
public sealed class SyncRuleConsumer(
    OutboundRuleCatalog rules, OutboundRuleResync resync, DeletedRuleDeprovisioner deletedRules, IProvisioningStore store, ILogger<SyncRuleConsumer> logger)
    : IConsumer<SyncRule>
{
    public async Task Consume(ConsumeContext<SyncRule> context)
    {
        var message = context.Message;
        if (rules.Find(message.RuleName) is not { } rule)
        {
            // A deleted rule whose closes the guard held: the approval is the only thing that still acts on it.
            if (message.ApprovedDeletions is { } approved
                && await store.RuleStates.GetAsync(message.RuleName, context.CancellationToken) is { Direction: RuleDirection.Outbound } state
                && state.PendingApprovalSnapshotId == approved)
            {
                logger.LogInformation("Deleted rule {Rule}: deletions {HoldId} approved by {RequestedBy}", message.RuleName, approved, message.RequestedBy);
                await deletedRules.DeprovisionAsync(message.RuleName, context.CancellationToken, approved);
            }

            return;
        }

        logger.LogInformation("Rule {Rule}: {Kind} requested by {RequestedBy}{Approval}", rule.Name, message.Kind, message.RequestedBy,
            message.ApprovedDeletions is { } hold ? $", approving the deletions held as {hold}" : "");
        await resync.RunAsync(rule, message.Kind == SyncKind.FullResync ? SyncRunKind.FullResync : SyncRunKind.Manual, context.CancellationToken, message.ApprovedDeletions);
    }
}
