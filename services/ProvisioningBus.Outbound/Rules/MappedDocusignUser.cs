using System.Security.Cryptography;
using System.Text;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>The Docusign attributes a rule's mappings produce for one PingOne user.</summary>
public sealed record MappedDocusignUser(string UserName, string Email, string? FirstName, string? LastName, string? JobTitle, string? UserStatus)
{
    /// <summary>
    /// A stable fingerprint of what would be written; when it equals the last applied one the write is skipped,
    /// which keeps PingOne's chatty USER.UPDATED events (sign-ons, MFA…) from spending Docusign's hourly budget.
    /// </summary>
    public string Hash()
    {
        var canonical = string.Join('\u001f', UserName, Email.ToUpperInvariant(), FirstName, LastName, JobTitle, UserStatus);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
