using System.Security.Cryptography;
using System.Text;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>
/// The Docusign attributes a rule's mappings produce for one PingOne user. The optional attributes
/// (<see cref="MiddleName"/> … <see cref="PermissionProfileName"/>) are null when the rule does not map them, and empty
/// when it maps them and they evaluate to nothing, so that an update clears them.
/// </summary>
public sealed record MappedDocusignUser(string UserName, string Email, string? FirstName, string? LastName, string? JobTitle, string? UserStatus)
{
    public string? MiddleName { get; init; }
    public string? SuffixName { get; init; }
    public string? Title { get; init; }
    public string? Company { get; init; }
    public string? PermissionProfileId { get; init; }
    public string? PermissionProfileName { get; init; }

    /// <summary>The optional attributes the rule maps, by Docusign name.</summary>
    public IEnumerable<(string Attribute, string Value)> Optional()
    {
        foreach (var (attribute, value) in new[]
        {
            ("middleName", MiddleName), ("suffixName", SuffixName), ("title", Title), ("company", Company),
            ("permissionProfileId", PermissionProfileId), ("permissionProfileName", PermissionProfileName),
        })
        {
            if (value is not null)
            {
                yield return (attribute, value);
            }
        }
    }

    /// <summary>
    /// A stable fingerprint of what would be written; when it equals the last applied one the write is skipped,
    /// which keeps PingOne's chatty USER.UPDATED events (sign-ons, MFA…) from spending Docusign's hourly budget.
    /// Optional attributes enter it only when mapped, so links written before they existed keep their hash.
    /// </summary>
    public string Hash()
    {
        var canonical = new StringBuilder(string.Join('\u001f', UserName, Email.ToUpperInvariant(), FirstName, LastName, JobTitle, UserStatus));
        foreach (var (attribute, value) in Optional())
        {
            canonical.Append('\u001f').Append(attribute).Append('=').Append(value);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
