namespace Docusign.Emulator;

/// <summary>
/// groupType values as list responses show them (fact sheet §2.6: "adminGroup", "everyoneGroup", "customGroup";
/// written AdminGroup/EveryoneGroup elsewhere; clients must compare case-insensitively).
/// </summary>
public static class EmulatedGroupTypes
{
    public const string AdminGroup = "adminGroup";
    public const string EveryoneGroup = "everyoneGroup";
    public const string CustomGroup = "customGroup";
}
