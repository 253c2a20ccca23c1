namespace ProvisioningBus.Docusign;

/// <summary>A partial user update: only non-null fields are sent (PUT /users/{id} or one item of PUT /users).</summary>
public sealed record DocusignUserUpdate(string UserId)
{
    public string? UserName { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? JobTitle { get; init; }
    public string? Company { get; init; }
    public string? PermissionProfileId { get; init; }

    internal Api.UserInformation ToWire(bool includeUserId) => new()
    {
        UserId = includeUserId ? UserId : null,
        UserName = UserName,
        Email = Email,
        FirstName = FirstName,
        LastName = LastName,
        JobTitle = JobTitle,
        Company = Company,
        PermissionProfileId = PermissionProfileId,
    };
}
