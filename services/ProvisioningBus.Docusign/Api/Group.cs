namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>group</c>. groupId is a numeric-looking string; groupType adminGroup/everyoneGroup/customGroup (any case).</summary>
public sealed class Group
{
    public string? GroupId { get; set; }
    public string? GroupName { get; set; }
    public string? GroupType { get; set; }
    public string? PermissionProfileId { get; set; }
    public string? UsersCount { get; set; }
    public ErrorDetails? ErrorDetails { get; set; }
}
