namespace Docusign.Emulator.Groups;

/// <summary>The group fields a create, update or delete request may carry; null means "not sent".</summary>
internal sealed record GroupChange(string? GroupId, string? GroupName, string? PermissionProfileId);
