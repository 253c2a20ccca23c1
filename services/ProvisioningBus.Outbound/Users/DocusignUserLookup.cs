using ProvisioningBus.Docusign;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// What the decision knows of the Docusign side: not read (the event path trusts the link's hash, so chatty PingOne
/// events spend no Docusign call), or read, with the user the link or the email found (null: there is none).
/// </summary>
public sealed record DocusignUserLookup(bool Done, DocusignUser? User)
{
    public static DocusignUserLookup NotDone { get; } = new(false, null);

    public static DocusignUserLookup Of(DocusignUser? user) => new(true, user);
}
