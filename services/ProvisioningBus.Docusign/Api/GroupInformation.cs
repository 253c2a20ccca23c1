namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>groupInformation</c>: a page of groups, and the body/answer of POST/PUT/DELETE /groups.</summary>
public sealed class GroupInformation : IPagedResult
{
    public List<Group>? Groups { get; set; }
    public string? ResultSetSize { get; set; }
    public string? TotalSetSize { get; set; }
    public string? StartPosition { get; set; }
    public string? EndPosition { get; set; }
    public string? NextUri { get; set; }
    public string? PreviousUri { get; set; }
}
