namespace Docusign.Emulator;

/// <summary>
/// The three default permission profiles. The IDs are the examples from Docusign's old docs (fact sheet §2.7);
/// real accounts have their own IDs.
/// </summary>
public static class PermissionProfiles
{
    public const string AccountAdministratorId = "2301414";
    public const string SenderId = "2301415";
    public const string ViewerId = "2301416";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        [AccountAdministratorId] = "Account Administrator",
        [SenderId] = "DocuSign Sender",
        [ViewerId] = "DocuSign Viewer",
    };
}
