namespace ProvisioningBus.Outbound.Groups;

/// <summary>What a full resync of one rule's pushed groups and memberships changed in Docusign.</summary>
/// <param name="GroupsChecked">Pushed groups compared (every id in GroupsToPush).</param>
/// <param name="GroupsCreated">Docusign groups created or adopted (linked to a same-named existing group).</param>
/// <param name="GroupsRenamed">Docusign groups renamed to their PingOne name.</param>
/// <param name="GroupsDeleted">Docusign groups deleted because their PingOne group is gone.</param>
/// <param name="MembersAdded">Memberships added in Docusign.</param>
/// <param name="MembersRemoved">Memberships removed from Docusign.</param>
/// <param name="FailedGroupIds">PingOne ids of the groups that could not be reconciled (see the sync ledger for why).</param>
public sealed record GroupResyncResult(
    int GroupsChecked,
    int GroupsCreated,
    int GroupsRenamed,
    int GroupsDeleted,
    int MembersAdded,
    int MembersRemoved,
    IReadOnlyList<string> FailedGroupIds);
