namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>usersResponse</c>: group members (paged) and the answer of close/add/remove calls.</summary>
public sealed class UsersResponse : IPagedResult
{
    public List<UserInfo>? Users { get; set; }
    public string? ResultSetSize { get; set; }
    public string? TotalSetSize { get; set; }
    public string? StartPosition { get; set; }
    public string? EndPosition { get; set; }
    public string? NextUri { get; set; }
    public string? PreviousUri { get; set; }
}
