using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Core.Notifications;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.PingOne;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Leases;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.RuleDeletion;

/// <summary>
/// An inbound rule that disappeared from configuration: with <c>DeprovisionOnRuleDeletion</c> (remembered in its stored
/// state) every PingOne user it provisioned is deleted, or disabled when its RemoveAction was Disable; then its links,
/// snapshot, poll cursor and state are forgotten. The rule's lease plus the removal of its RuleState make this happen
/// once, however many instances start. More removals than <c>Inbound:DeletedRuleGuard:MaxDeletions</c> wait for an
/// operator's approval (ApproveInboundDeletions naming the hold), the rule's state and links kept.
/// </summary>
public sealed class DeletedInboundRuleDeprovisioner(
    IPingOneClient pingOne,
    IInboundLinkStore links,
    IInboundSnapshotStore snapshots,
    IInboundPollCursorStore cursors,
    IRuleStateStore ruleStates,
    IRuleEndpointStore endpoints,
    ISyncRunStore runs,
    ISyncLedger ledger,
    ILeaseStore leases,
    InboundInstance instance,
    IOptions<InboundOptions> options,
    IOptions<LeaseOptions> leaseTimes,
    [FromKeyedServices(InboundExtensions.ScheduleClock)] TimeProvider time,
    OperatorNotifier notifier,
    ILogger<DeletedInboundRuleDeprovisioner> logger)
{
    /// <summary>The poll's lease: a run, an approval and a deletion of one rule never overlap.</summary>
    private static string LeaseName(string rule) => InboundSyncRunner.LeaseName(rule);

    /// <param name="approvedDeletions">The hold an operator approved for this rule's removals.</param>
    public async Task DeprovisionAsync(string ruleName, CancellationToken ct, Guid? approvedDeletions = null)
    {
        await using var lease = await HeldLease.AcquireAsync(leases, LeaseName(ruleName), instance.HolderId, leaseTimes.Value.RuleTtl, leaseTimes.Value.RuleWait, time, logger, ct);
        if (lease is null)
        {
            return;
        }

        using var guarded = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        ct = guarded.Token;

        // Re-read under the lease: another instance may have finished the deletion while we waited.
        if (await ruleStates.GetAsync(ruleName, ct) is not { Direction: RuleDirection.Inbound } state)
        {
            return;
        }

        var linked = new List<InboundLink>();
        await foreach (var link in links.ListByRuleAsync(ruleName, ct))
        {
            linked.Add(link);
        }

        var action = InboundRuleFingerprint.DeprovisionOf(state.ConfigHash);
        if (action is { } removal && linked.Count > 0)
        {
            var guard = options.Value.DeletedRuleGuard;
            var reason = MassDeletionThresholds.Exceeded(
                new MassDeletionGuardOptions { Enabled = guard.Enabled, MaxDeletions = guard.MaxDeletions, MaxDeletionPercent = null },
                linked.Count, linked.Count, removal == RemoveAction.Disable ? "deleting this rule would disable" : "deleting this rule would delete",
                "PingOne users", "(ApproveInboundDeletions)");
            if (reason is not null && (approvedDeletions is null || approvedDeletions != state.PendingApprovalSnapshotId))
            {
                await HoldAsync(state, reason, ct);
                return;
            }

            if (!await RemoveAllAsync(ruleName, removal, linked, ct))
            {
                // Kept for the next start: every removal is safe to repeat (a user already gone counts as removed).
                return;
            }
        }

        foreach (var link in linked)
        {
            await links.DeleteAsync(ruleName, link.DocusignUserId, ct);
            await ledger.DeleteAsync(ruleName, EntityKind.User, link.DocusignUserId, ct);
        }

        await snapshots.DeleteAsync(ruleName, ct);
        await cursors.DeleteAsync(ruleName, ct);
        await ruleStates.DeleteAsync(ruleName, ct);
        // Deleted: a new rule may take this name with another connection.
        await endpoints.DeleteAsync(ruleName, ct);
        logger.LogInformation("Deleted inbound rule {Rule}: forgotten ({Count} links{Deprovisioned})", ruleName, linked.Count,
            action is null ? ", PingOne users left" : $", PingOne users {(action == RemoveAction.Disable ? "disabled" : "deleted")}");
    }

    /// <summary>Held again before anyone approved: the same hold id, so an approval given for it meanwhile still counts.</summary>
    private async Task HoldAsync(RuleState state, string reason, CancellationToken ct)
    {
        logger.LogWarning("Deleted inbound rule {Rule}: {Reason}", state.Rule, reason);
        if (state.PendingApprovalSnapshotId is not null)
        {
            return;
        }

        var held = Guid.NewGuid();
        var now = time.GetUtcNow();
        await runs.StartAsync(held, state.Rule, SyncRunKind.RuleDeletion, now, ct);
        await runs.CompleteAsync(held, SyncRunStatus.AwaitingApproval, SyncRunCounts.None, $"{reason} (snapshot {held:D})", now, ct);
        await ruleStates.UpsertAsync(state with { PendingApprovalSnapshotId = held, PendingApprovalReason = reason }, ct);
        await notifier.DeletionsHeldAsync(state.Rule, reason, ct);
    }

    /// <returns>Whether every user was removed (or was gone already).</returns>
    private async Task<bool> RemoveAllAsync(string ruleName, RemoveAction removal, List<InboundLink> linked, CancellationToken ct)
    {
        var runId = Guid.NewGuid();
        await runs.StartAsync(runId, ruleName, SyncRunKind.RuleDeletion, time.GetUtcNow(), ct);
        long removed = 0, failed = 0;
        foreach (var link in linked)
        {
            try
            {
                if (removal == RemoveAction.Delete)
                {
                    await pingOne.DeleteUserAsync(link.PingOneUserId, ct);
                }
                else if (await pingOne.GetUserAsync(link.PingOneUserId, ct) is not null)
                {
                    await pingOne.SetUserEnabledAsync(link.PingOneUserId, false, ct);
                }

                removed++;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                failed++;
                logger.LogWarning("Deleted inbound rule {Rule}: removing PingOne user {PingOneUserId} failed ({Error}: {Message})", ruleName, link.PingOneUserId, ex.GetType().Name, ex.Message);
            }
        }

        var counts = removal == RemoveAction.Delete ? new SyncRunCounts { Closed = removed, Failed = failed } : new SyncRunCounts { Updated = removed, Failed = failed };
        await runs.CompleteAsync(runId, failed == 0 ? SyncRunStatus.Succeeded : SyncRunStatus.Failed, counts,
            failed == 0 ? null : $"{failed} PingOne users could not be removed; the next start tries again", time.GetUtcNow(), CancellationToken.None);
        return failed == 0;
    }
}
