using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.Users;

/// <summary>The Docusign requests that write a mapped user.</summary>
public static class DocusignUserRequests
{
    public static NewDocusignUser Create(MappedDocusignUser mapped) => new(mapped.UserName, mapped.Email)
    {
        FirstName = mapped.FirstName,
        MiddleName = NullIfEmpty(mapped.MiddleName),
        LastName = mapped.LastName,
        SuffixName = NullIfEmpty(mapped.SuffixName),
        Title = NullIfEmpty(mapped.Title),
        JobTitle = mapped.JobTitle,
        Company = NullIfEmpty(mapped.Company),
        PermissionProfileId = NullIfEmpty(mapped.PermissionProfileId),
        PermissionProfileName = NullIfEmpty(mapped.PermissionProfileName),
    };

    public static DocusignUserUpdate Update(string docusignUserId, MappedDocusignUser mapped, bool includeEmail) => new(docusignUserId)
    {
        UserName = mapped.UserName,
        Email = includeEmail ? mapped.Email : null,
        // Empty rather than null: the update sends only non-null fields, and a cleared PingOne title must clear Docusign's.
        FirstName = mapped.FirstName ?? string.Empty,
        LastName = mapped.LastName ?? string.Empty,
        JobTitle = mapped.JobTitle ?? string.Empty,
        // The optional attributes are already empty when mapped and cleared, null when not mapped (never sent).
        MiddleName = mapped.MiddleName,
        SuffixName = mapped.SuffixName,
        Title = mapped.Title,
        Company = mapped.Company,
        // A profile cannot be cleared, only replaced.
        PermissionProfileId = NullIfEmpty(mapped.PermissionProfileId),
        PermissionProfileName = NullIfEmpty(mapped.PermissionProfileName),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
