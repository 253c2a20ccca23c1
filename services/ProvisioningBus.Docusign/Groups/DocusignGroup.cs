namespace ProvisioningBus.Docusign;

/// <summary>A group. Built-in groups (Administrators, Everyone) cannot be edited or deleted and must not be managed.</summary>
public sealed record DocusignGroup
{
    public required string GroupId { get; init; }
    public string? GroupName { get; init; }
    public DocusignGroupType Type { get; init; }
    public string? TypeText { get; init; }
    public string? PermissionProfileId { get; init; }
    public int? UsersCount { get; init; }

    public bool IsBuiltIn => Type is DocusignGroupType.Administrators or DocusignGroupType.Everyone;

    public static DocusignGroupType ParseType(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "CUSTOMGROUP" => DocusignGroupType.Custom,
        "ADMINGROUP" or "ADMINISTRATORS" or "ADMINSTRATORS" => DocusignGroupType.Administrators,
        "EVERYONEGROUP" or "EVERYONE" => DocusignGroupType.Everyone,
        _ => DocusignGroupType.Unknown,
    };

    internal static DocusignGroup From(Api.Group group) => new()
    {
        GroupId = group.GroupId ?? "",
        GroupName = group.GroupName,
        Type = ParseType(group.GroupType),
        TypeText = group.GroupType,
        PermissionProfileId = group.PermissionProfileId,
        UsersCount = DocusignValues.ParseInt(group.UsersCount),
    };
}
