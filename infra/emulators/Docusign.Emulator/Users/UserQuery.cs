namespace Docusign.Emulator.Users;

/// <summary>Filters of <c>GET /users</c> (Users_GetUsers).</summary>
internal sealed record UserQuery
{
    public string? Email { get; init; }
    public string? EmailSubstring { get; init; }
    public string? UserNameSubstring { get; init; }
    public IReadOnlyList<string> Statuses { get; init; } = [];
    public IReadOnlyList<string> GroupIds { get; init; } = [];
    public IReadOnlyList<string> NotGroupIds { get; init; } = [];

    /// <summary>No filter: every user.</summary>
    public bool IsAll => Email is null && EmailSubstring is null && UserNameSubstring is null
        && Statuses.Count == 0 && GroupIds.Count == 0 && NotGroupIds.Count == 0;
}
