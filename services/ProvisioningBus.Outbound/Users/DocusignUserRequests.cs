using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.Users;

/// <summary>The Docusign requests that write a mapped user.</summary>
public static class DocusignUserRequests
{
    public static NewDocusignUser Create(MappedDocusignUser mapped) => new(mapped.UserName, mapped.Email)
    {
        FirstName = mapped.FirstName,
        LastName = mapped.LastName,
        JobTitle = mapped.JobTitle,
    };

    public static DocusignUserUpdate Update(string docusignUserId, MappedDocusignUser mapped, bool includeEmail) => new(docusignUserId)
    {
        UserName = mapped.UserName,
        Email = includeEmail ? mapped.Email : null,
        // Empty rather than null: the update sends only non-null fields, and a cleared PingOne title must clear Docusign's.
        FirstName = mapped.FirstName ?? string.Empty,
        LastName = mapped.LastName ?? string.Empty,
        JobTitle = mapped.JobTitle ?? string.Empty,
    };
}
