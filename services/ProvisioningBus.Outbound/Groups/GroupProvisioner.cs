using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Groups;
using ProvisioningBus.State;
using ProvisioningBus.State.Groups;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// Keeps one pushed PingOne group and its Docusign group in step: create (adopting a same-named group rather
/// than duplicating it), rename, delete. Level-triggered: it reads the group's current state, so redeliveries and
/// out-of-order events converge. One instance at a time works on a group (a store lease), so two instances
/// never both create it.
/// </summary>
public sealed class GroupProvisioner(
    IPingOneClient pingOne,
    IDocusignClientProvider docusign,
    IProvisioningStore store,
    WorkerInstance instance,
    IOptions<LeaseOptions> leaseTimes,
    TimeProvider time,
    ILogger<GroupProvisioner> logger)
{
    /// <summary>Reads the PingOne group and makes the Docusign group match it; a group gone from PingOne is deleted.</summary>
    public async Task<GroupChangeOutcome> SyncAsync(CompiledOutboundRule rule, string pingOneGroupId, CancellationToken cancellationToken)
    {
        var group = await pingOne.GetGroupAsync(pingOneGroupId, cancellationToken);
        if (group is null)
        {
            return await DeleteAsync(rule, pingOneGroupId, cancellationToken);
        }

        var (_, outcome) = await SyncAsync(rule, group, cancellationToken);
        return outcome;
    }

    /// <summary>Makes the Docusign group match <paramref name="group"/> and returns its link.</summary>
    public Task<(GroupLink Link, GroupChangeOutcome Outcome)> SyncAsync(CompiledOutboundRule rule, PingOneGroup group, CancellationToken cancellationToken) =>
        UnderLeaseAsync(rule, group.Id, async guarded =>
        {
            var target = docusign.Get(rule.Options.TargetConnection);
            var link = await store.GroupLinks.GetAsync(rule.Name, group.Id, guarded);
            if (link is null)
            {
                return await CreateOrAdoptAsync(rule, target, group, guarded);
            }

            var profile = await ProfileToKeepAsync(rule, target, link, guarded);
            if (string.Equals(link.Name, group.Name, StringComparison.Ordinal))
            {
                if (profile is not null)
                {
                    ThrowIfFailed((await target.UpdateGroupsAsync([new DocusignGroupRename(link.DocusignGroupId, null, profile)], guarded))[0].Error);
                    logger.LogInformation("Rule {Rule}: set Docusign group {DocusignGroupId}'s permission profile back to {ProfileId}", rule.Name, link.DocusignGroupId, profile);
                }

                return (link, GroupChangeOutcome.Unchanged);
            }

            var renamed = (await target.UpdateGroupsAsync([new DocusignGroupRename(link.DocusignGroupId, group.Name, profile)], guarded))[0];
            ThrowIfFailed(renamed.Error);
            var updated = link with { Name = group.Name, UpdatedAt = time.GetUtcNow() };
            await store.GroupLinks.UpsertAsync(updated, guarded);
            logger.LogInformation("Rule {Rule}: renamed Docusign group {DocusignGroupId} for PingOne group {PingOneGroupId}", rule.Name, link.DocusignGroupId, group.Id);
            return (updated, GroupChangeOutcome.Renamed);
        }, cancellationToken);

    /// <summary>
    /// The group's link, creating the Docusign group first when the rule has not pushed it yet (a membership can
    /// arrive before its group's event). Null when the group no longer exists in PingOne.
    /// </summary>
    public async Task<GroupLink?> EnsureLinkedAsync(CompiledOutboundRule rule, string pingOneGroupId, CancellationToken cancellationToken)
    {
        var link = await store.GroupLinks.GetAsync(rule.Name, pingOneGroupId, cancellationToken);
        if (link is not null)
        {
            return link;
        }

        var group = await pingOne.GetGroupAsync(pingOneGroupId, cancellationToken);
        return group is null ? null : (await SyncAsync(rule, group, cancellationToken)).Link;
    }

    /// <summary>Deletes the linked Docusign group, its link and its applied memberships.</summary>
    public Task<GroupChangeOutcome> DeleteAsync(CompiledOutboundRule rule, string pingOneGroupId, CancellationToken cancellationToken) =>
        UnderLeaseAsync(rule, pingOneGroupId, async guarded =>
        {
            var link = await store.GroupLinks.GetAsync(rule.Name, pingOneGroupId, guarded);
            if (link is null)
            {
                return GroupChangeOutcome.Skipped;
            }

            var target = docusign.Get(rule.Options.TargetConnection);
            var deleted = (await target.DeleteGroupsAsync([link.DocusignGroupId], guarded))[0];
            // A group someone already deleted in Docusign is the state we want.
            if (deleted.Error is not null && !IsUnknownGroup(deleted.Error.ErrorCode))
            {
                ThrowIfFailed(deleted.Error);
            }

            await store.Memberships.RemoveAllForGroupAsync(rule.Name, pingOneGroupId, guarded);
            await store.GroupLinks.DeleteAsync(rule.Name, pingOneGroupId, guarded);
            logger.LogInformation("Rule {Rule}: deleted Docusign group {DocusignGroupId} of PingOne group {PingOneGroupId}", rule.Name, link.DocusignGroupId, pingOneGroupId);
            return GroupChangeOutcome.Deleted;
        }, cancellationToken);

    /// <summary>The Docusign group named <paramref name="name"/> (case-insensitive, as Docusign treats names), if any.</summary>
    public static async Task<DocusignGroup?> FindByNameAsync(IDocusignAccountClient target, string name, CancellationToken cancellationToken)
    {
        await foreach (var candidate in target.ListGroupsAsync(name, cancellationToken: cancellationToken))
        {
            if (string.Equals(candidate.GroupName, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The id of the permission profile the rule gives this group; null when it gives none.</summary>
    private static async Task<string?> WantedProfileAsync(CompiledOutboundRule rule, IDocusignAccountClient target, string pingOneGroupId, CancellationToken cancellationToken)
    {
        if (!rule.Options.GroupPermissionProfiles.TryGetValue(pingOneGroupId, out var configured))
        {
            return null;
        }

        return await target.FindPermissionProfileIdAsync(configured, cancellationToken)
            ?? throw new GroupProvisioningException(
                "PERMISSION_PROFILE_NOT_FOUND",
                $"The Docusign account has no permission profile '{configured}' (Outbound:Rules:{rule.Name}:GroupPermissionProfiles:{pingOneGroupId}).");
    }

    /// <summary>The profile to set on a linked group whose profile was changed in Docusign; null when it matches or none is configured.</summary>
    private static async Task<string?> ProfileToKeepAsync(CompiledOutboundRule rule, IDocusignAccountClient target, GroupLink link, CancellationToken cancellationToken)
    {
        var wanted = await WantedProfileAsync(rule, target, link.PingOneGroupId, cancellationToken);
        if (wanted is null)
        {
            return null;
        }

        // No GET of one group in the API: search by the linked name, matched by id.
        await foreach (var candidate in target.ListGroupsAsync(link.Name, cancellationToken: cancellationToken))
        {
            if (string.Equals(candidate.GroupId, link.DocusignGroupId, StringComparison.Ordinal))
            {
                return string.Equals(candidate.PermissionProfileId, wanted, StringComparison.Ordinal) ? null : wanted;
            }
        }

        return wanted;
    }

    internal static bool IsUnknownGroup(string? errorCode) =>
        DocusignErrorCodes.Is(errorCode, "INVALID_GROUP_ID") || DocusignErrorCodes.IsNotFound(errorCode);

    private async Task<(GroupLink Link, GroupChangeOutcome Outcome)> CreateOrAdoptAsync(
        CompiledOutboundRule rule,
        IDocusignAccountClient target,
        PingOneGroup group,
        CancellationToken cancellationToken)
    {
        var outcome = GroupChangeOutcome.Adopted;
        var profile = await WantedProfileAsync(rule, target, group.Id, cancellationToken);
        var existing = await FindByNameAsync(target, group.Name, cancellationToken);
        if (existing is null)
        {
            var created = await target.CreateGroupAsync(group.Name, profile, cancellationToken);
            if (created.Error is null && created.GroupId is not null)
            {
                existing = created.Group ?? new DocusignGroup { GroupId = created.GroupId, GroupName = group.Name, Type = DocusignGroupType.Custom };
                outcome = GroupChangeOutcome.Created;
            }
            else if (DocusignErrorCodes.Is(created.Error?.ErrorCode, "GROUP_NAME_ALREADY_EXISTS"))
            {
                // Created meanwhile by someone else (the search is not atomic with the create): adopt it.
                existing = await FindByNameAsync(target, group.Name, cancellationToken);
            }

            if (existing is null)
            {
                ThrowIfFailed(created.Error ?? new DocusignError("MISSING_RESULT", "Docusign returned no group id."));
            }
        }

        if (existing!.IsBuiltIn)
        {
            // Docusign's Administrators and Everyone groups "cannot be edited or deleted" (docusign-api.md §2.6); linking
            // one would hand its membership to PingOne.
            throw new GroupProvisioningException(
                "BUILT_IN_GROUP",
                $"The PingOne group's name '{group.Name}' is a built-in Docusign group, which is never managed; rename the PingOne group.");
        }

        var link = new GroupLink(rule.Name, group.Id, existing.GroupId, group.Name, time.GetUtcNow());
        var profileDiffers = profile is not null && outcome == GroupChangeOutcome.Adopted && !string.Equals(existing.PermissionProfileId, profile, StringComparison.Ordinal);
        if (!string.Equals(existing.GroupName, group.Name, StringComparison.Ordinal) || profileDiffers)
        {
            // Same name up to case: make the case match PingOne; an adopted group takes the rule's profile.
            ThrowIfFailed((await target.UpdateGroupsAsync([new DocusignGroupRename(existing.GroupId, group.Name, profileDiffers ? profile : null)], cancellationToken))[0].Error);
        }

        await store.GroupLinks.UpsertAsync(link, cancellationToken);
        logger.LogInformation("Rule {Rule}: {Outcome} Docusign group {DocusignGroupId} for PingOne group {PingOneGroupId}", rule.Name, outcome, existing.GroupId, group.Id);
        return (link, outcome);
    }

    private async Task<T> UnderLeaseAsync<T>(CompiledOutboundRule rule, string pingOneGroupId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var lease = await HeldLease.TryAcquireAsync(
            store.Leases, $"group:{rule.Name}:{pingOneGroupId}", instance.Id, leaseTimes.Value.GroupTtl, time, logger, cancellationToken)
            ?? throw new GroupBusyException($"Rule {rule.Name}: group {pingOneGroupId} is being changed by another instance.");
        using var guarded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        return await work(guarded.Token);
    }

    private static void ThrowIfFailed(DocusignError? error)
    {
        if (error is not null)
        {
            throw new GroupProvisioningException(error.ErrorCode ?? "UNKNOWN", error.Message ?? "Docusign refused the group change.");
        }
    }
}
