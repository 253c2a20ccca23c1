using ProvisioningBus.Docusign;
using ProvisioningBus.State;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Memberships;

/// <summary>
/// Takes users the rule deprovisioned (closed for leaving its scope, or deleted in PingOne) out of the Docusign groups
/// it pushed them into, and forgets those memberships: a closed account must not come back, on reactivation, in groups
/// it no longer belongs to, nor count as a member meanwhile. One <c>DELETE /groups/{id}/users</c> per group.
/// </summary>
/// <remarks>
/// Called before the users' links are forgotten: if it fails, the change is retried and finds the link still there.
/// </remarks>
public sealed class DeprovisionedUserMemberships(IProvisioningStore store, ILogger<DeprovisionedUserMemberships> logger)
{
    public async Task RemoveAsync(string rule, IDocusignAccountClient target, IReadOnlyCollection<UserLink> deprovisioned, CancellationToken ct)
    {
        var usersByGroup = new Dictionary<string, List<UserLink>>(StringComparer.Ordinal);
        foreach (var link in deprovisioned)
        {
            await foreach (var membership in store.Memberships.ListByUserAsync(rule, link.PingOneUserId, ct))
            {
                if (!usersByGroup.TryGetValue(membership.PingOneGroupId, out var users))
                {
                    usersByGroup[membership.PingOneGroupId] = users = [];
                }

                users.Add(link);
            }
        }

        foreach (var (pingOneGroupId, users) in usersByGroup)
        {
            if (await store.GroupLinks.GetAsync(rule, pingOneGroupId, ct) is not { } group)
            {
                continue;
            }

            var results = await target.RemoveGroupMembersAsync(group.DocusignGroupId, [.. users.Select(user => user.DocusignUserId)], ct);
            foreach (var refused in results.Where(result => result.Error is { } error && !DocusignErrorCodes.IsNotFound(error.ErrorCode)))
            {
                // The account is closed already; a membership left behind is logged rather than reopening the user's change.
                logger.LogWarning("Rule {Rule}: could not remove closed Docusign user {DocusignUserId} from group {DocusignGroupId}: {ErrorCode} {Message}",
                    rule, refused.UserId, group.DocusignGroupId, refused.Error!.ErrorCode, refused.Error.Message);
            }
        }

        foreach (var link in deprovisioned)
        {
            await store.Memberships.RemoveAllForUserAsync(rule, link.PingOneUserId, ct);
        }
    }
}
