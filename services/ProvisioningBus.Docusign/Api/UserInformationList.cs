namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>userInformationList</c>: a page of users (GET /users) or the body/result of PUT /users.</summary>
public sealed class UserInformationList : IPagedResult
{
    public List<UserInformation>? Users { get; set; }
    public string? ResultSetSize { get; set; }
    public string? TotalSetSize { get; set; }
    public string? StartPosition { get; set; }
    public string? EndPosition { get; set; }
    public string? NextUri { get; set; }
    public string? PreviousUri { get; set; }
}
