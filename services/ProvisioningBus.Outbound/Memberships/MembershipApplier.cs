using Microsoft.Extensions.Options;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne;
using ProvisioningBus.ServiceDefaults;
using ProvisioningBus.State;
using ProvisioningBus.State.Log;
using ProvisioningBus.State.Groups;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Memberships;

namespace ProvisioningBus.Outbound.Memberships;

/// <summary>
/// Applies one rule's share of a batch of membership changes: per Docusign group one <c>PUT …/groups/{id}/users</c>
/// for the adds and one <c>DELETE …/groups/{id}/users</c> for the removes (chunked at the batch limit), only for
/// users the rule provisioned. Each group's outcome goes to the sync ledger.
/// </summary>
public sealed class MembershipApplier(
    GroupProvisioner groups,
    GroupLedger ledger,
    IDocusignClientProvider docusign,
    IPingOneClient pingOne,
    IProvisioningStore store,
    IOptions<MembershipBatchingOptions> options,
    TimeProvider time,
    ILogger<MembershipApplier> logger,
    ProvisioningLogQueue? log = null)
{
    public async Task<MembershipApplyResult> ApplyAsync(CompiledOutboundRule rule, IReadOnlyList<MembershipChange> changes, CancellationToken cancellationToken)
    {
        var result = MembershipApplyResult.None;
        var currentGroupsOfUsers = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var group in changes.Where(change => rule.Pushes(change.GroupId)).GroupBy(change => change.GroupId, StringComparer.Ordinal))
        {
            using var activity = ChangeTelemetry.Start("provisioning.memberships", rule.Name, group.Key);
            var applied = await ApplyToGroupAsync(rule, group.Key, [.. group], currentGroupsOfUsers, cancellationToken);
            MembershipChangeTelemetry.Tag(activity, applied);
            result = result.Add(applied);
        }

        return result;
    }

    private async Task<MembershipApplyResult> ApplyToGroupAsync(
        CompiledOutboundRule rule,
        string pingOneGroupId,
        IReadOnlyList<MembershipChange> changes,
        Dictionary<string, IReadOnlySet<string>> currentGroupsOfUsers,
        CancellationToken cancellationToken)
    {
        GroupLink? link = null;
        try
        {
            link = await groups.EnsureLinkedAsync(rule, pingOneGroupId, cancellationToken);
            if (link is null)
            {
                // Deleted in PingOne meanwhile: its GROUP.DELETED event removes the Docusign group and its members.
                MembershipChangeTelemetry.Count(changes, AppliedChange.Skipped);
                return new MembershipApplyResult(0, 0, changes.Count, 0);
            }

            var adds = new List<(string PingOneUserId, string DocusignUserId)>();
            var removes = new List<(string PingOneUserId, string DocusignUserId)>();
            int applied = 0, pending = 0, notPushed = 0;
            foreach (var change in changes)
            {
                var action = change.VerifyWithPingOne
                    ? await CurrentActionAsync(change, currentGroupsOfUsers, cancellationToken)
                    : change.Action;
                var membership = new AppliedMembership(rule.Name, pingOneGroupId, change.UserId);
                var userLink = await store.UserLinks.GetAsync(rule.Name, change.UserId, cancellationToken);
                if (userLink is null)
                {
                    if (action == MembershipChangeAction.Removed)
                    {
                        // Never pushed under this rule, so nothing to remove in Docusign.
                        await store.Memberships.RemoveAsync(membership, cancellationToken);
                        applied++;
                        MembershipChangeTelemetry.Count(action, AppliedChange.Skipped);
                    }
                    else if (await IsOutOfScopeAsync(rule, change, cancellationToken))
                    {
                        notPushed++;
                        MembershipChangeTelemetry.Count(action, AppliedChange.Skipped);
                    }
                    else
                    {
                        pending++;
                    }

                    continue;
                }

                if (action == MembershipChangeAction.Removed)
                {
                    removes.Add((change.UserId, userLink.DocusignUserId));
                }
                else if (await store.Memberships.ExistsAsync(membership, cancellationToken))
                {
                    // Already applied (a redelivery, or a retry of a batch that failed elsewhere): no call needed.
                    applied++;
                    MembershipChangeTelemetry.Count(action, AppliedChange.Skipped);
                }
                else
                {
                    adds.Add((change.UserId, userLink.DocusignUserId));
                }
            }

            var target = docusign.Get(rule.Options.TargetConnection);
            var failures = new List<DocusignError>();
            applied += await ChangeMembersAsync(target, link, adds, add: true, failures, cancellationToken);
            applied += await ChangeMembersAsync(target, link, removes, add: false, failures, cancellationToken);

            if (failures.Count > 0)
            {
                var first = failures[0];
                var message = failures.Count == 1 ? first.Message : $"{first.Message} ({failures.Count} memberships failed)";
                await ledger.FailedAsync(rule, pingOneGroupId, link.Name, first.ErrorCode ?? "UNKNOWN", message ?? "Docusign refused the membership change.", GroupChangeDetail.Members, cancellationToken);
            }
            else if (adds.Count + removes.Count > 0)
            {
                await ledger.SucceededAsync(rule, pingOneGroupId, link.Name, GroupChangeDetail.Members, cancellationToken);
            }

            return new MembershipApplyResult(applied, pending, notPushed, failures.Count);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Pending makes the batch throw for the retry policy after the rest is applied. A refused credential is the
            // connection's, not the group's: thrown for the consumer's connection gate, the group's ledger row left alone.
            var classified = FailureClassifier.Classify(failure);
            if (classified.IsAuthentication)
            {
                throw;
            }

            await ledger.FailedAsync(rule, pingOneGroupId, link?.Name ?? pingOneGroupId, failure, GroupChangeDetail.Members, cancellationToken);
            if (!classified.IsPermanent)
            {
                logger.LogWarning("Rule {Rule}: memberships of PingOne group {PingOneGroupId} will be retried: {Reason}", rule.Name, pingOneGroupId, classified.Message);
                return new MembershipApplyResult(0, changes.Count, 0, 0);
            }

            logger.LogWarning("Rule {Rule}: memberships of PingOne group {PingOneGroupId} failed: {Reason}", rule.Name, pingOneGroupId, classified.Message);
            MembershipChangeTelemetry.Count(changes, AppliedChange.Failed);
            return new MembershipApplyResult(0, 0, 0, changes.Count);
        }
    }

    /// <returns>How many memberships Docusign accepted (and the store now records).</returns>
    private async Task<int> ChangeMembersAsync(
        IDocusignAccountClient target,
        GroupLink link,
        List<(string PingOneUserId, string DocusignUserId)> members,
        bool add,
        List<DocusignError> failures,
        CancellationToken cancellationToken)
    {
        var accepted = 0;
        var failedBefore = failures.Count;
        foreach (var chunk in members.DistinctBy(m => m.DocusignUserId, StringComparer.OrdinalIgnoreCase).Chunk(MembershipBatchingOptions.MembersPerCall))
        {
            var ids = chunk.Select(m => m.DocusignUserId).ToList();
            var results = add
                ? await target.AddGroupMembersAsync(link.DocusignGroupId, ids, cancellationToken)
                : await target.RemoveGroupMembersAsync(link.DocusignGroupId, ids, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                var error = results[i].Error;
                var membership = new AppliedMembership(link.Rule, link.PingOneGroupId, chunk[i].PingOneUserId);
                // Removing a user Docusign no longer knows (closed and purged) leaves the state we want.
                if (error is not null && (add || !DocusignErrorCodes.IsNotFound(error.ErrorCode)))
                {
                    failures.Add(error);
                    await LogAsync(link, chunk[i].PingOneUserId, add, error, cancellationToken);
                    continue;
                }

                await LogAsync(link, chunk[i].PingOneUserId, add, null, cancellationToken);
                accepted++;
                if (add)
                {
                    await store.Memberships.AddAsync(membership, cancellationToken);
                }
                else
                {
                    await store.Memberships.RemoveAsync(membership, cancellationToken);
                }
            }
        }

        var action = add ? MembershipChangeAction.Added : MembershipChangeAction.Removed;
        MembershipChangeTelemetry.Count(action, AppliedChange.Success, accepted);
        MembershipChangeTelemetry.Count(action, AppliedChange.Failed, failures.Count - failedBefore);
        return accepted;
    }

    private async Task LogAsync(GroupLink link, string pingOneUserId, bool add, DocusignError? error, CancellationToken ct)
    {
        if (log is not null)
        {
            await log.EnqueueAsync(MembershipLogEntries.For(link, pingOneUserId, add, error, time.GetUtcNow()), ct);
        }
    }

    private async Task<MembershipChangeAction> CurrentActionAsync(
        MembershipChange change,
        Dictionary<string, IReadOnlySet<string>> currentGroupsOfUsers,
        CancellationToken cancellationToken)
    {
        if (!currentGroupsOfUsers.TryGetValue(change.UserId, out var groupIds))
        {
            var user = await pingOne.GetUserAsync(change.UserId, cancellationToken);
            groupIds = user?.MemberOfGroupIds?.ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
            currentGroupsOfUsers[change.UserId] = groupIds;
        }

        return groupIds.Contains(change.GroupId) ? MembershipChangeAction.Added : MembershipChangeAction.Removed;
    }

    /// <summary>
    /// A user without a link is either not provisioned yet (its user event is still on the way: retry) or out of
    /// the rule's scope. It counts as out of scope once the user consumer recorded that it did not provision the
    /// user (Unsynced, Skipped), or once the grace period since the membership change has passed.
    /// </summary>
    private async Task<bool> IsOutOfScopeAsync(CompiledOutboundRule rule, MembershipChange change, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - change.RecordedAt >= options.Value.UnprovisionedUserGracePeriod)
        {
            return true;
        }

        var userOutcome = await store.Ledger.GetAsync(rule.Name, EntityKind.User, change.UserId, cancellationToken);
        return userOutcome?.Outcome is SyncOutcome.Unsynced or SyncOutcome.Skipped;
    }
}
