namespace ProvisioningBus.Docusign;

/// <summary>Filters for listing users.</summary>
public sealed record DocusignUserQuery
{
    public string? Email { get; init; }
    public string? EmailSubstring { get; init; }
    public string? UserNameSubstring { get; init; }
    public IReadOnlyList<DocusignUserStatus> Statuses { get; init; } = [];
    public string? GroupId { get; init; }

    /// <summary>additional_info=true: each user carries groupList.</summary>
    public bool IncludeGroups { get; init; }
}
