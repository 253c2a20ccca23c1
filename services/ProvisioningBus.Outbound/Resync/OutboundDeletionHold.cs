using ProvisioningBus.Core.Rules;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// A run's Docusign closes held back by the mass-deletion guard until an operator approves them: a scope change, a
/// mistaken mapping or a deleted rule must not close a whole account at once. The id is what the approval names, so an
/// approval releases the hold it was given for and not a later one.
/// </summary>
public sealed record OutboundDeletionHold(Guid Id, string Reason)
{
    public const string Approval = "(approve-deletions <rule>)";

    /// <summary>The hold a resync's plan calls for, or null when its closes may go (few enough, or this hold approved).</summary>
    public static async Task<OutboundDeletionHold?> CheckAsync(CompiledOutboundRule rule, OutboundResyncPlan plan, Guid? approved, IProvisioningStore store, CancellationToken ct) =>
        await HoldAsync(rule.Name, HoldReason(rule, plan), approved, store, ct);

    /// <summary>Why the guard holds the plan's closes, or null when it lets them go (the resync and the dry run both ask).</summary>
    public static string? HoldReason(CompiledOutboundRule rule, OutboundResyncPlan plan) =>
        MassDeletionThresholds.Exceeded(rule.Options.MassDeletionGuard, plan.Closing, plan.Linked, "this resync would close", "Docusign users", Approval);

    /// <summary>The hold for <paramref name="reason"/> (null: nothing to hold), unless it is the one approved.</summary>
    public static async Task<OutboundDeletionHold?> HoldAsync(string ruleName, string? reason, Guid? approved, IProvisioningStore store, CancellationToken ct)
    {
        if (reason is null)
        {
            return null;
        }

        var pending = (await store.RuleStates.GetAsync(ruleName, ct))?.PendingApprovalSnapshotId;
        if (approved is not null && approved == pending)
        {
            return null;
        }

        // Held again before anyone approved: the same hold, so an approval given for it meanwhile still counts.
        return new OutboundDeletionHold(pending ?? Guid.NewGuid(), reason);
    }
}
