namespace ProvisioningBus.Docusign;

/// <summary>A partial user update: only non-null fields are sent (PUT /users/{id} or one item of PUT /users).</summary>
public sealed record DocusignUserUpdate(string UserId)
{
    public string? UserName { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? MiddleName { get; init; }
    public string? LastName { get; init; }
    public string? SuffixName { get; init; }
    public string? Title { get; init; }
    public string? JobTitle { get; init; }
    public string? Company { get; init; }
    public string? PermissionProfileId { get; init; }

    /// <summary>A profile by name: the client resolves it to its id (the users API takes ids); ignored when an id is set.</summary>
    public string? PermissionProfileName { get; init; }

    internal Api.UserInformation ToWire(bool includeUserId, string? permissionProfileId) => new()
    {
        UserId = includeUserId ? UserId : null,
        UserName = UserName,
        Email = Email,
        FirstName = FirstName,
        MiddleName = MiddleName,
        LastName = LastName,
        SuffixName = SuffixName,
        Title = Title,
        JobTitle = JobTitle,
        Company = Company,
        PermissionProfileId = permissionProfileId,
    };
}
