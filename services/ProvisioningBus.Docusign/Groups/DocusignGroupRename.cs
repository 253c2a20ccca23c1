namespace ProvisioningBus.Docusign;

/// <summary>A group update for PUT /groups: new name and/or permission profile.</summary>
public sealed record DocusignGroupRename(string GroupId, string? GroupName, string? PermissionProfileId = null);
