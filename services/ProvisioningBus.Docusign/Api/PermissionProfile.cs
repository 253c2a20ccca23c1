namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>permissionProfile</c> (the id and the name; the settings are not read).</summary>
public sealed class PermissionProfile
{
    public string? PermissionProfileId { get; set; }
    public string? PermissionProfileName { get; set; }
}
