namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>newUser</c>: one item of a create answer; <see cref="ErrorDetails"/> is set when that item failed.</summary>
public sealed class NewUser
{
    public string? UserId { get; set; }
    public string? Uri { get; set; }
    public string? Email { get; set; }
    public string? UserName { get; set; }
    public string? UserStatus { get; set; }
    public string? CreatedDateTime { get; set; }
    public string? MembershipId { get; set; }
    public string? PermissionProfileId { get; set; }
    public string? PermissionProfileName { get; set; }
    public ErrorDetails? ErrorDetails { get; set; }
}
