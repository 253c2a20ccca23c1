namespace ProvisioningBus.Docusign;

/// <summary>A user to create. userName is the display name ("The name of the user"), not a login.</summary>
public sealed record NewDocusignUser(string UserName, string Email)
{
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

    /// <summary>Groups to join on creation ("only the groupId is required").</summary>
    public IReadOnlyList<string> GroupIds { get; init; } = [];
}
