using ProvisioningBus.Core.Failures;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Resync;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Groups;
using ProvisioningBus.State;
using ProvisioningBus.State.Groups;
using ProvisioningBus.State.Memberships;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// Full resync of one rule's pushed groups and their members (run after the users pass, so user links are
/// current). Compares PingOne (each group and its members, one paged list per group) with Docusign (one paged group
/// list, one paged member list per group) and corrects the differences with bulk calls. It repairs what lost
/// webhooks missed and what was changed in Docusign by hand. Members that the rule did not provision (added in
/// Docusign by an administrator) are left alone: the rule only owns the users it links.
/// </summary>
public sealed class GroupResync(
    IPingOneClient pingOne,
    IDocusignClientProvider docusign,
    IProvisioningStore store,
    GroupProvisioner provisioner,
    GroupLedger ledger,
    UnpushedGroups unpushed,
    ILogger<GroupResync> logger)
{
    /// <summary>Docusign's bulk member calls take many users at once; 500 matches its bulk user create limit.</summary>
    private const int MembersPerCall = 500;

    public async Task<GroupResyncResult> ReconcileAsync(CompiledOutboundRule rule, CancellationToken cancellationToken)
    {
        var target = docusign.Get(rule.Options.TargetConnection);
        var docusignGroups = new Dictionary<string, DocusignGroup>(StringComparer.OrdinalIgnoreCase);
        await foreach (var group in target.ListGroupsAsync(cancellationToken: cancellationToken))
        {
            docusignGroups[group.GroupId] = group;
        }

        var userLinks = new Dictionary<string, UserLink>(StringComparer.Ordinal);
        await foreach (var link in store.UserLinks.ListByRuleAsync(rule.Name, cancellationToken))
        {
            userLinks[link.PingOneUserId] = link;
        }

        var pingOneIdByDocusignId = userLinks.Values
            .GroupBy(link => link.DocusignUserId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First().PingOneUserId, StringComparer.OrdinalIgnoreCase);

        var tally = new Tally { Deleted = await unpushed.ReleaseAsync(rule, cancellationToken) };
        var failed = new List<string>();
        var pushed = rule.Options.GroupsToPush.Distinct(StringComparer.Ordinal).ToList();
        foreach (var pingOneGroupId in pushed)
        {
            try
            {
                await ReconcileGroupAsync(rule, target, pingOneGroupId, docusignGroups, userLinks, pingOneIdByDocusignId, tally, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed.Add(pingOneGroupId);
                var name = (await store.GroupLinks.GetAsync(rule.Name, pingOneGroupId, cancellationToken))?.Name ?? pingOneGroupId;
                await ledger.FailedAsync(rule, pingOneGroupId, name, failure, GroupChangeDetail.Failed(false, null, failure, ResyncChangeDetail.Reason), cancellationToken);
                logger.LogWarning("Rule {Rule}: resync of PingOne group {PingOneGroupId} failed: {Reason}", rule.Name, pingOneGroupId, FailureClassifier.Classify(failure).Message);
            }
        }

        var result = new GroupResyncResult(pushed.Count, tally.Created, tally.Renamed, tally.Deleted, tally.Added, tally.Removed, failed);
        logger.LogInformation("Rule {Rule}: group resync {Result}", rule.Name, result);
        return result;
    }

    private async Task ReconcileGroupAsync(
        CompiledOutboundRule rule,
        IDocusignAccountClient target,
        string pingOneGroupId,
        Dictionary<string, DocusignGroup> docusignGroups,
        Dictionary<string, UserLink> userLinks,
        Dictionary<string, string> pingOneIdByDocusignId,
        Tally tally,
        CancellationToken cancellationToken)
    {
        var group = await pingOne.GetGroupAsync(pingOneGroupId, cancellationToken);
        if (group is null)
        {
            var name = (await store.GroupLinks.GetAsync(rule.Name, pingOneGroupId, cancellationToken))?.Name ?? pingOneGroupId;
            if (await provisioner.DeleteAsync(rule, pingOneGroupId, cancellationToken) == GroupChangeOutcome.Deleted)
            {
                tally.Deleted++;
                await ledger.ForgetAsync(rule, pingOneGroupId, name, GroupChangeOutcome.Deleted, null, ResyncChangeDetail.Reason, cancellationToken);
            }
            else
            {
                // Nothing was linked, so nothing was done: no log line on every resync for a group that is long gone.
                await ledger.ForgetAsync(rule, pingOneGroupId, cancellationToken);
            }
            return;
        }

        var existing = await store.GroupLinks.GetAsync(rule.Name, pingOneGroupId, cancellationToken);
        if (existing is not null && !docusignGroups.ContainsKey(existing.DocusignGroupId))
        {
            // The list was read before this link: a group the event consumer created (and linked) since is missing
            // from it without being deleted. A link is written after its group exists, so a list read now settles it.
            await foreach (var current in target.ListGroupsAsync(cancellationToken: cancellationToken))
            {
                docusignGroups[current.GroupId] = current;
            }
        }

        if (existing is not null && !docusignGroups.ContainsKey(existing.DocusignGroupId))
        {
            // The Docusign group was deleted behind our back: forget the link so it is created (or adopted) again.
            await store.GroupLinks.DeleteAsync(rule.Name, pingOneGroupId, cancellationToken);
            await store.Memberships.RemoveAllForGroupAsync(rule.Name, pingOneGroupId, cancellationToken);
        }
        else if (existing is not null && !string.Equals(docusignGroups[existing.DocusignGroupId].GroupName, group.Name, StringComparison.Ordinal))
        {
            // Renamed in Docusign by hand, or a rename event was lost: let the provisioner see a stale name.
            await store.GroupLinks.UpsertAsync(existing with { Name = docusignGroups[existing.DocusignGroupId].GroupName ?? "" }, cancellationToken);
        }

        var (link, outcome) = await provisioner.SyncAsync(rule, group, cancellationToken);
        tally.Created += outcome is GroupChangeOutcome.Created or GroupChangeOutcome.Adopted ? 1 : 0;
        tally.Renamed += outcome == GroupChangeOutcome.Renamed ? 1 : 0;

        var desired = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var member in pingOne.ListUsersAsync($"memberOfGroups[id eq \"{pingOneGroupId}\"]", cancellationToken))
        {
            if (userLinks.TryGetValue(member.Id, out var userLink))
            {
                desired[userLink.DocusignUserId] = member.Id;
            }
        }

        var actual = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var member in target.ListGroupMembersAsync(link.DocusignGroupId, cancellationToken))
        {
            actual.Add(member.UserId);
        }

        var toAdd = desired.Keys.Where(id => !actual.Contains(id)).ToList();
        var toRemove = actual.Where(id => pingOneIdByDocusignId.ContainsKey(id) && !desired.ContainsKey(id)).ToList();
        var errors = new List<DocusignError>();
        tally.Added += await ChangeAsync(toAdd, ids => target.AddGroupMembersAsync(link.DocusignGroupId, ids, cancellationToken), errors);
        tally.Removed += await ChangeAsync(toRemove, ids => target.RemoveGroupMembersAsync(link.DocusignGroupId, ids, cancellationToken), errors);

        await RecordMembershipsAsync(rule, link, desired, actual, toAdd, errors.Count == 0, cancellationToken);
        if (errors.Count > 0)
        {
            await ledger.FailedAsync(
                rule, pingOneGroupId, link.Name, errors[0].ErrorCode ?? "UNKNOWN", $"{errors[0].Message} ({errors.Count} memberships failed)",
                GroupChangeDetail.For(outcome, null, ResyncChangeDetail.Reason), cancellationToken);
        }
        else
        {
            await ledger.SucceededAsync(rule, pingOneGroupId, link.Name, GroupChangeDetail.For(outcome, null, ResyncChangeDetail.Reason), cancellationToken);
        }
    }

    private static async Task<int> ChangeAsync(
        List<string> userIds,
        Func<IReadOnlyList<string>, Task<IReadOnlyList<DocusignUserChangeResult>>> call,
        List<DocusignError> errors)
    {
        var changed = 0;
        foreach (var chunk in userIds.Chunk(MembersPerCall))
        {
            foreach (var result in await call(chunk))
            {
                if (result.Error is null)
                {
                    changed++;
                }
                else
                {
                    errors.Add(result.Error);
                }
            }
        }

        return changed;
    }

    /// <summary>Makes the store's applied memberships of the group equal what Docusign now has for linked users.</summary>
    private async Task RecordMembershipsAsync(
        CompiledOutboundRule rule,
        GroupLink link,
        Dictionary<string, string> desired,
        HashSet<string> actual,
        List<string> added,
        bool allSucceeded,
        CancellationToken cancellationToken)
    {
        var recorded = new List<AppliedMembership>();
        await foreach (var membership in store.Memberships.ListByGroupAsync(rule.Name, link.PingOneGroupId, cancellationToken))
        {
            recorded.Add(membership);
        }

        var present = desired
            .Where(pair => actual.Contains(pair.Key) || (allSucceeded && added.Contains(pair.Key, StringComparer.OrdinalIgnoreCase)))
            .Select(pair => pair.Value)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var membership in recorded.Where(m => !present.Contains(m.PingOneUserId)))
        {
            await store.Memberships.RemoveAsync(membership, cancellationToken);
        }

        foreach (var pingOneUserId in present)
        {
            await store.Memberships.AddAsync(new AppliedMembership(rule.Name, link.PingOneGroupId, pingOneUserId), cancellationToken);
        }
    }

    private sealed class Tally
    {
        public int Created { get; set; }
        public int Renamed { get; set; }
        public int Deleted { get; set; }
        public int Added { get; set; }
        public int Removed { get; set; }
    }
}
