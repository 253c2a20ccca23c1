using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// Decides what a full resync of one outbound rule writes: every in-scope PingOne user is compared with what Docusign
/// actually holds (not with the stored hash, so a lost webhook or a change made in Docusign is repaired), using paged
/// list reads of both sides and the rule's stored links. Only reads: PingOne and Docusign GETs and the store's links.
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

        var actions = rule.Options.UserActions;
        var creates = new List<PlannedUserWrite>();
        var updates = new List<PlannedUserWrite>();
        var closes = new List<PlannedUserWrite>();
        var settles = new List<PlannedUserSettle>();
        foreach (var user in inScope.Values)
        {
            var subject = new ResyncSubject(rule.Name, user.Id, user.Username, user.UpdatedAt ?? time.GetUtcNow());
            links.TryGetValue(user.Id, out var link);
            MappedDocusignUser mapped;
            try
            {
                mapped = rule.Mapping.Map(PingOneUserAttributes.From(user));
            }
            catch (UnmappableUserException ex)
            {
                settles.Add(new PlannedUserSettle(subject, link, SyncOutcome.Failed, "UNMAPPABLE_USER", ex.Message, null, null, null));
                continue;
            }

            var desired = UserStatusMapping.Decide(mapped.UserStatus);
            if (desired == DesiredUserStatus.NotSupported)
            {
                settles.Add(new PlannedUserSettle(subject, link, SyncOutcome.Failed, UserStatusMapping.NotSupportedErrorCode, UserStatusMapping.NotSupportedMessage(mapped.UserStatus), null, null, null));
                continue;
            }

            var hash = mapped.Hash();
            var current = link is not null && docusignUsers.TryGetValue(link.DocusignUserId, out var linked) ? linked : byEmail.GetValueOrDefault(mapped.Email);
            if (current is null)
            {
                if (desired == DesiredUserStatus.Closed)
                {
                    settles.Add(new PlannedUserSettle(subject, link, SyncOutcome.Success, null, null, null, null, null));
                }
                else if (!actions.CreateUsers)
                {
                    settles.Add(new PlannedUserSettle(subject, link, SyncOutcome.Unsynced, "USER_CREATION_OFF", "The user is in scope but 'Enable users creation' is off, so it was not created in Docusign.", null, null, null));
                }
                else
                {
                    var request = UserProvisioner.ToNewUser(mapped);
                    creates.Add(new PlannedUserWrite(subject, link, mapped, hash, null, request, null, Created(request)));
                }

                continue;
            }

            if (current.Status == DocusignUserStatus.Closed && desired != DesiredUserStatus.Closed && !(desired == DesiredUserStatus.Unspecified && link is not null))
            {
                if (!actions.CreateUsers)
                {
                    settles.Add(new PlannedUserSettle(subject, link, SyncOutcome.Unsynced, "USER_CREATION_OFF", "The user's Docusign account is closed and 'Enable users creation' is off, so it was not reactivated.", null, null, null));
                }
                else
                {
                    // Reactivation: re-POST the closed user's own userName + email (fact sheet §1.7).
                    var request = UserProvisioner.ToNewUser(mapped) with { UserName = current.UserName ?? mapped.UserName, Email = current.Email ?? mapped.Email };
                    creates.Add(new PlannedUserWrite(subject, link, mapped, hash, current.UserId, request, null,
                        [new AttributeChange("userStatus", current.StatusText, "reactivated"), .. Changed(current, mapped, emailChanged: false)]));
                }

                continue;
            }

            var emailChanged = !string.Equals(current.Email, mapped.Email, StringComparison.OrdinalIgnoreCase);
            var differs = desired == DesiredUserStatus.Closed
                ? current.Status != DocusignUserStatus.Closed
                : current.Status != DocusignUserStatus.Closed && (UserProvisioner.Differs(current, mapped) || emailChanged);
            if (!differs)
            {
                settles.Add(new PlannedUserSettle(subject, link, SyncOutcome.Success, null, null, current.UserId, mapped.Email, hash));
            }
            else if (!actions.UpdateUsers)
            {
                settles.Add(new PlannedUserSettle(subject, link, SyncOutcome.PartiallySynced, "USER_UPDATES_OFF", "The user differs in Docusign but 'Enable users updation' is off, so Docusign was not updated.", current.UserId, mapped.Email, string.Empty));
            }
            else if (desired == DesiredUserStatus.Closed)
            {
                closes.Add(new PlannedUserWrite(subject, link, mapped, hash, current.UserId, null, null, [new AttributeChange("userStatus", current.StatusText, "Closed")]));
            }
            else
            {
                updates.Add(new PlannedUserWrite(subject, link, mapped, hash, current.UserId, null, UserProvisioner.ToUpdate(current.UserId, mapped, emailChanged), Changed(current, mapped, emailChanged)));
            }
        }

        var outOfScope = links.Values.Where(link => !inScope.ContainsKey(link.PingOneUserId)).ToList();
        return new OutboundResyncPlan(rule.Name, creates, updates, closes, outOfScope, actions.DeprovisionUsers, settles);
    }

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

    private static List<AttributeChange> Created(NewDocusignUser user) =>
    [
        .. new[]
        {
            new AttributeChange("userName", null, user.UserName),
            new AttributeChange("email", null, user.Email),
            new AttributeChange("firstName", null, user.FirstName),
            new AttributeChange("lastName", null, user.LastName),
            new AttributeChange("jobTitle", null, user.JobTitle),
        }.Where(change => !string.IsNullOrEmpty(change.To)),
    ];

    /// <summary>The attributes <see cref="UserProvisioner.Differs"/> compares, with the same equality.</summary>
    private static List<AttributeChange> Changed(DocusignUser current, MappedDocusignUser mapped, bool emailChanged)
    {
        var changes = new List<AttributeChange>();
        Compare("userName", current.UserName, mapped.UserName);
        if (emailChanged)
        {
            changes.Add(new AttributeChange("email", current.Email, mapped.Email));
        }

        Compare("firstName", current.FirstName, mapped.FirstName);
        Compare("lastName", current.LastName, mapped.LastName);
        Compare("jobTitle", current.JobTitle, mapped.JobTitle);
        return changes;

        void Compare(string attribute, string? from, string? to)
        {
            if (!string.Equals(from ?? string.Empty, to ?? string.Empty, StringComparison.Ordinal))
            {
                changes.Add(new AttributeChange(attribute, from, to));
            }
        }
    }
}
