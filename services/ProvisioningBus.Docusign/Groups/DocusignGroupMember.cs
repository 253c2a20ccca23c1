namespace ProvisioningBus.Docusign;

/// <summary>A member of a group (spec userInfo).</summary>
public sealed record DocusignGroupMember(string UserId, string? UserName, string? Email, DocusignUserStatus Status);
