namespace ProvisioningBus.Docusign;

/// <summary>A Docusign user as the client hands it out (strings parsed, status case-insensitive).</summary>
public sealed record DocusignUser
{
    public required string UserId { get; init; }
    public string? UserName { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? MiddleName { get; init; }
    public string? LastName { get; init; }
    public string? SuffixName { get; init; }
    public string? Title { get; init; }
    public string? JobTitle { get; init; }
    public string? Company { get; init; }
    public DocusignUserStatus Status { get; init; }

    /// <summary>userStatus as Docusign sent it.</summary>
    public string? StatusText { get; init; }

    public bool? IsAdmin { get; init; }
    public string? PermissionProfileId { get; init; }
    public string? PermissionProfileName { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>groupList, when the read included it (GET /users/{id}, or lists with additional_info).</summary>
    public IReadOnlyList<DocusignGroup>? Groups { get; init; }

    internal static DocusignUser From(Api.UserInformation user) => new()
    {
        UserId = user.UserId ?? "",
        UserName = user.UserName,
        Email = user.Email,
        FirstName = user.FirstName,
        MiddleName = user.MiddleName,
        LastName = user.LastName,
        SuffixName = user.SuffixName,
        Title = user.Title,
        JobTitle = user.JobTitle,
        Company = user.Company,
        Status = DocusignUserStatuses.Parse(user.UserStatus),
        StatusText = user.UserStatus,
        IsAdmin = DocusignValues.ParseBool(user.IsAdmin),
        PermissionProfileId = user.PermissionProfileId,
        PermissionProfileName = user.PermissionProfileName,
        CreatedAt = DocusignValues.ParseDate(user.CreatedDateTime),
        Groups = user.GroupList?.Select(DocusignGroup.From).ToList(),
    };
}
