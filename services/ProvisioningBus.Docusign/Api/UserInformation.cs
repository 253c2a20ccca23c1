namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>userInformation</c> (the provisioning-relevant subset; every scalar is a string on the wire).</summary>
public sealed class UserInformation
{
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? MiddleName { get; set; }
    public string? SuffixName { get; set; }
    public string? Title { get; set; }
    public string? JobTitle { get; set; }
    public string? Company { get; set; }
    public string? UserStatus { get; set; }
    public string? UserType { get; set; }
    public string? IsAdmin { get; set; }
    public string? PermissionProfileId { get; set; }
    public string? PermissionProfileName { get; set; }
    public string? CreatedDateTime { get; set; }
    public string? Uri { get; set; }
    public string? SendActivationEmail { get; set; }
    public List<Group>? GroupList { get; set; }
    public ErrorDetails? ErrorDetails { get; set; }
}
