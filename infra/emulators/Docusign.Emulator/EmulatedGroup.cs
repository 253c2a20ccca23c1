namespace Docusign.Emulator;

/// <summary>A snapshot of one group. <see cref="GroupType"/> is adminGroup, everyoneGroup or customGroup.</summary>
public sealed record EmulatedGroup
{
    public required string GroupId { get; init; }
    public required string GroupName { get; init; }
    public required string GroupType { get; init; }
    public string? PermissionProfileId { get; init; }
    public long Sequence { get; init; }

    public bool IsBuiltIn =>
        !string.Equals(GroupType, EmulatedGroupTypes.CustomGroup, StringComparison.OrdinalIgnoreCase);
}
