namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>userInfo</c>: the slim user of group-member and close answers (and of their request bodies).</summary>
public sealed class UserInfo
{
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Email { get; set; }
    public string? UserStatus { get; set; }
    public string? UserType { get; set; }
    public string? Uri { get; set; }
    public string? MembershipId { get; set; }
    public ErrorDetails? ErrorDetails { get; set; }
}
