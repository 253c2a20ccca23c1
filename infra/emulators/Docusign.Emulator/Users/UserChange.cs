namespace Docusign.Emulator.Users;

/// <summary>The user fields a create or update request may carry; null means "not sent".</summary>
internal sealed record UserChange
{
    public string? UserId { get; init; }
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
    public IReadOnlyList<string> GroupIds { get; init; } = [];
}
