namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>permissionProfileInformation</c>: the answer of GET /permission_profiles.</summary>
public sealed class PermissionProfileInformation
{
    public List<PermissionProfile>? PermissionProfiles { get; set; }
}
