using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// Plans a full resync of one outbound rule: reads both sides in full (paged lists) and the rule's stored links, and
/// asks <see cref="OutboundUserDecision"/> for every in-scope user and every linked one that left scope, with what
/// Docusign actually holds. Only reads: PingOne and Docusign GETs and the store's links.
/// </summary>
public sealed class OutboundResyncPlanner(IPingOneClient pingOne, IDocusignClientProvider docusign, IProvisioningStore store, TimeProvider time)
{
    public async Task<OutboundResyncPlan> PlanAsync(CompiledOutboundRule rule, CancellationToken ct)
    {
        var target = docusign.Get(rule.Options.TargetConnection);
        var inScope = await ReadInScopeUsersAsync(rule, ct);
        var docusignUsers = new Dictionary<string, DocusignUser>(StringComparer.OrdinalIgnoreCase);
        var byEmail = new Dictionary<string, DocusignUser>(StringComparer.OrdinalIgnoreCase);
        await foreach (var user in target.ListUsersAsync(null, ct))
        {
            docusignUsers[user.UserId] = user;
            // Older accounts can hold several users per email; prefer the one that is not closed, as FindUserByEmail does.
            if (user.Email is { Length: > 0 } email && (!byEmail.TryGetValue(email, out var seen) || seen.Status == DocusignUserStatus.Closed))
            {
                byEmail[email] = user;
            }
        }

        var links = new Dictionary<string, UserLink>(StringComparer.Ordinal);
        await foreach (var link in store.UserLinks.ListByRuleAsync(rule.Name, ct))
        {
            links[link.PingOneUserId] = link;
        }

        var creates = new List<PlannedUserWrite>();
        var updates = new List<PlannedUserWrite>();
        var closes = new List<PlannedUserWrite>();
        var settles = new List<PlannedUserSettle>();
        foreach (var user in inScope.Values)
        {
            var subject = new ResyncSubject(rule.Name, user.Id, user.Username, user.UpdatedAt ?? time.GetUtcNow());
            links.TryGetValue(user.Id, out var link);
            // Asked first without Docusign, the decision names the user the rule wants (its email is the lookup key).
            var action = OutboundUserDecision.Decide(rule, user, link, DocusignUserLookup.NotDone);
            if (action.Wanted is { } wanted)
            {
                var current = (link is not null ? docusignUsers.GetValueOrDefault(link.DocusignUserId) : null) ?? byEmail.GetValueOrDefault(wanted.User.Email);
                action = OutboundUserDecision.Decide(rule, user, link, DocusignUserLookup.Of(current));
            }

            subject = subject with { Change = ResyncChangeDetail.For(action) };

            switch (action.Kind)
            {
                case OutboundUserActionKind.Create:
                case OutboundUserActionKind.Reactivate:
                    creates.Add(Write(subject, link, action));
                    break;
                case OutboundUserActionKind.Update:
                    updates.Add(Write(subject, link, action));
                    break;
                case OutboundUserActionKind.Close:
                    closes.Add(Write(subject, link, action));
                    break;
                default:
                    settles.Add(Settle(subject, link, action));
                    break;
            }
        }

        var deprovisions = new List<UserLink>();
        var unlinks = new List<UserLink>();
        foreach (var link in links.Values.Where(link => !inScope.ContainsKey(link.PingOneUserId)))
        {
            var action = OutboundUserDecision.Decide(rule, null, link, DocusignUserLookup.NotDone);
            switch (action.Kind)
            {
                case OutboundUserActionKind.Deprovision:
                    deprovisions.Add(link);
                    break;
                case OutboundUserActionKind.Unlink:
                    unlinks.Add(link);
                    break;
                default:
                    settles.Add(Settle(new ResyncSubject(rule.Name, link.PingOneUserId, link.Email, link.SourceVersion) { Change = ResyncChangeDetail.For(action) }, link, action));
                    break;
            }
        }

        return new OutboundResyncPlan(rule.Name, creates, updates, closes, deprovisions, unlinks, settles, links.Count);
    }

    private static PlannedUserWrite Write(ResyncSubject subject, UserLink? link, OutboundUserAction action) =>
        new(subject, link, action.Wanted!.User, action.LinkHash, action.DocusignUserId, action.NewUser, action.Update, action.Changes);

    private static PlannedUserSettle Settle(ResyncSubject subject, UserLink? link, OutboundUserAction action) =>
        new(subject, link, action.Outcome, action.ErrorCode, action.Reason, action.DocusignUserId, action.Wanted?.User.Email, action.DocusignUserId is null ? null : action.LinkHash,
            action.Kind == OutboundUserActionKind.Adopt);

    /// <summary>
    /// Every PingOne user of the environment in scope. The list endpoint does not return memberOfGroupIDs, so each group
    /// the scope names is read once as its own filtered list (<c>memberOfGroups[id eq "…"]</c>) instead of once per user.
    /// </summary>
    private async Task<Dictionary<string, PingOneUser>> ReadInScopeUsersAsync(CompiledOutboundRule rule, CancellationToken ct)
    {
        var groupsByUser = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var groupId in rule.Scope.GroupIds)
        {
            await foreach (var member in pingOne.ListUsersAsync($"memberOfGroups[id eq \"{groupId}\"]", ct))
            {
                if (!groupsByUser.TryGetValue(member.Id, out var groups))
                {
                    groupsByUser[member.Id] = groups = [];
                }

                groups.Add(groupId);
            }
        }

        var inScope = new Dictionary<string, PingOneUser>(StringComparer.Ordinal);
        await foreach (var listed in pingOne.ListUsersAsync(null, ct))
        {
            var user = rule.Scope.GroupIds.Count == 0 ? listed : listed with { MemberOfGroupIds = groupsByUser.GetValueOrDefault(listed.Id) ?? [] };
            if (rule.Scope.Includes(user, PingOneUserAttributes.From(user)))
            {
                inScope[user.Id] = user;
            }
        }

        return inScope;
    }
}
