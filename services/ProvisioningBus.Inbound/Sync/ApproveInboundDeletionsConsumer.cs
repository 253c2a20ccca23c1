using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Inbound.RuleDeletion;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>
/// Releases the deletions an inbound rule's mass-deletion guard held: a run now whose diff publishes the deletions held
/// under the approved snapshot (if they still hold against Docusign's current state). An approval of any other
/// snapshot is stale and changes nothing.
/// </summary>
public sealed class ApproveInboundDeletionsConsumer(
    InboundRuleCatalog rules,
    IRuleStateStore ruleStates,
    InboundSyncRunner runner,
    DeletedInboundRuleDeprovisioner deletedRules,
    ILogger<ApproveInboundDeletionsConsumer> logger) : IConsumer<ApproveInboundDeletions>
{
    public async Task Consume(ConsumeContext<ApproveInboundDeletions> context)
    {
        var approval = context.Message;
        var state = await ruleStates.GetAsync(approval.RuleName, context.CancellationToken);
        if (rules.Find(approval.RuleName) is null)
        {
            // A deleted rule whose removals the guard held: the approval is the only thing that still acts on it.
            if (state is { Direction: RuleDirection.Inbound } && state.PendingApprovalSnapshotId == approval.SnapshotId)
            {
                logger.LogInformation("Deleted inbound rule {Rule}: removals {HoldId} approved by {ApprovedBy}", approval.RuleName, approval.SnapshotId, approval.ApprovedBy);
                await deletedRules.DeprovisionAsync(approval.RuleName, context.CancellationToken, approval.SnapshotId);
            }

            return;
        }

        if (state?.PendingApprovalSnapshotId != approval.SnapshotId)
        {
            logger.LogWarning(
                "Inbound rule {Rule}: approval by {ApprovedBy} of snapshot {SnapshotId} ignored; the deletions awaiting approval are {Pending}",
                approval.RuleName, approval.ApprovedBy, approval.SnapshotId, state?.PendingApprovalSnapshotId?.ToString() ?? "none");
            return;
        }

        logger.LogInformation("Inbound rule {Rule}: {ApprovedBy} approved the deletions held under snapshot {SnapshotId}",
            approval.RuleName, approval.ApprovedBy, approval.SnapshotId);
        var result = await runner.RunAsync(approval.RuleName, SyncRunKind.Manual, context, approval.SnapshotId, context.CancellationToken);
        if (result.Outcome == InboundSyncOutcome.Busy)
        {
            throw new InboundSyncBusyException(approval.RuleName);
        }
    }
}
