using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Notifications;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// A rule that disappeared from configuration (mission §4): with "deprovision on rule deletion" every user it
/// provisioned is closed in Docusign (bulk), then its links and its remembered state are removed. The rule's lease plus
/// the removal of its RuleState make this happen once, however many instances start. More closes than
/// <c>Outbound:DeletedRuleGuard:MaxDeletions</c> wait for an operator's approval, the rule's state and links kept.
/// </summary>
public sealed class DeletedRuleDeprovisioner(
    IDocusignClientProvider docusign,
    IProvisioningStore store,
    ConnectionSwitch connections,
    WorkerInstance instance,
    IOptions<LeaseOptions> leaseTimes,
    IOptions<OutboundOptions> outbound,
    TimeProvider time,
    OperatorNotifier notifier,
    ILogger<DeletedRuleDeprovisioner> logger)
{
    private const int CloseChunk = 100;

    /// <param name="approvedDeletions">The mass-deletion hold an operator approved for this rule's closes.</param>
    public async Task DeprovisionAsync(string ruleName, CancellationToken ct, Guid? approvedDeletions = null)
    {
        await using var lease = await HeldLease.AcquireAsync(store.Leases, LeaseNames.RuleConfiguration(ruleName), instance.Id, leaseTimes.Value.RuleTtl, leaseTimes.Value.RuleWait, time, logger, ct);
        if (lease is null)
        {
            return;
        }

        // Re-read under the lease: another instance may have finished the deletion while we waited.
        var state = await store.RuleStates.GetAsync(ruleName, ct);
        if (state is null)
        {
            return;
        }

        var fingerprint = OutboundRuleFingerprint.Parse(state.ConfigHash);
        var links = new List<UserLink>();
        await foreach (var link in store.UserLinks.ListByRuleAsync(ruleName, ct))
        {
            links.Add(link);
        }

        if (fingerprint is { DeprovisionOnRuleDeletion: true } && links.Count > 0)
        {
            if (!docusign.ConnectionNames.Contains(fingerprint.TargetConnection) || !connections.IsEnabled(fingerprint.TargetConnection))
            {
                // Kept for a later start: closing needs the connection, and a disabled connection writes nothing.
                logger.LogWarning("Deleted rule {Rule}: connection '{Connection}' is missing or disabled; its {Count} users will be deprovisioned when it is back",
                    ruleName, fingerprint.TargetConnection, links.Count);
                return;
            }

            // A deleted rule closes all its users (always 100 %): only the count can tell a small rule from a whole account.
            var guard = outbound.Value.DeletedRuleGuard;
            var reason = MassDeletionThresholds.Exceeded(
                new MassDeletionGuardOptions { Enabled = guard.Enabled, MaxDeletions = guard.MaxDeletions, MaxDeletionPercent = null },
                links.Count, links.Count, "deleting this rule would close", "Docusign users", OutboundDeletionHold.Approval);
            if (await OutboundDeletionHold.HoldAsync(ruleName, reason, approvedDeletions, store, ct) is { } held)
            {
                await HoldAsync(state, held, ct);
                return;
            }

            await CloseAllAsync(ruleName, docusign.Get(fingerprint.TargetConnection), links, ct);
        }

        foreach (var link in links)
        {
            await store.UserLinks.DeleteAsync(ruleName, link.PingOneUserId, ct);
            await store.Ledger.DeleteAsync(ruleName, EntityKind.User, link.PingOneUserId, ct);
        }

        await store.RuleStates.DeleteAsync(ruleName, ct);
        // Deleted: a new rule may take this name with another connection.
        await store.RuleEndpoints.DeleteAsync(ruleName, ct);
        logger.LogInformation("Deleted rule {Rule}: forgotten ({Count} links{Deprovisioned})", ruleName, links.Count,
            fingerprint?.DeprovisionOnRuleDeletion == true ? ", users closed in Docusign" : "");
    }

    private async Task HoldAsync(RuleState state, OutboundDeletionHold held, CancellationToken ct)
    {
        logger.LogWarning("Deleted rule {Rule}: {Reason} Held as {HoldId}", state.Rule, held.Reason, held.Id);
        if (state.PendingApprovalSnapshotId == held.Id)
        {
            return;
        }

        var now = time.GetUtcNow();
        var runId = Guid.NewGuid();
        await store.SyncRuns.StartAsync(runId, state.Rule, SyncRunKind.RuleDeletion, now, ct);
        await store.SyncRuns.CompleteAsync(runId, SyncRunStatus.AwaitingApproval, new SyncRunCounts(), held.Reason, now, ct);
        await store.RuleStates.UpsertAsync(state with { PendingApprovalSnapshotId = held.Id, PendingApprovalReason = held.Reason }, ct);
        await notifier.DeletionsHeldAsync(state.Rule, held.Reason, ct);
    }

    private async Task CloseAllAsync(string ruleName, IDocusignAccountClient target, List<UserLink> links, CancellationToken ct)
    {
        var runId = Guid.NewGuid();
        await store.SyncRuns.StartAsync(runId, ruleName, SyncRunKind.RuleDeletion, time.GetUtcNow(), ct);
        long closed = 0;
        long failed = 0;
        try
        {
            foreach (var chunk in links.Chunk(CloseChunk))
            {
                var results = await target.CloseUsersAsync([.. chunk.Select(link => link.DocusignUserId)], ct);
                foreach (var result in results)
                {
                    if (result.Error is { } error && !DocusignErrorCodes.IsNotFound(error.ErrorCode))
                    {
                        failed++;
                        logger.LogWarning("Deleted rule {Rule}: closing Docusign user {DocusignUserId} failed: {ErrorCode} {Message}", ruleName, result.UserId, error.ErrorCode, error.Message);
                    }
                    else
                    {
                        closed++;
                    }
                }
            }

            await store.SyncRuns.CompleteAsync(runId, failed == 0 ? SyncRunStatus.Succeeded : SyncRunStatus.Failed,
                new SyncRunCounts { Closed = closed, Failed = failed }, failed == 0 ? null : $"{failed} users could not be closed", time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            await store.SyncRuns.CompleteAsync(runId, SyncRunStatus.Failed, new SyncRunCounts { Closed = closed, Failed = failed },
                $"{ex.GetType().Name}: {ex.Message}", time.GetUtcNow(), CancellationToken.None);
            throw;
        }
    }
}
