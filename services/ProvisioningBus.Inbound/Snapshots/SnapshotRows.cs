using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProvisioningBus.Contracts;
using ProvisioningBus.Docusign;
using ProvisioningBus.Docusign.Admin;
using ProvisioningBus.State.Inbound;

namespace ProvisioningBus.Inbound.Snapshots;

/// <summary>
/// How Docusign users become snapshot rows and back. A row whose deletion the mass-deletion guard holds keeps its
/// previous attributes and carries the holding snapshot in its hash (<c>held:{snapshotId}:{hash}</c>): the store has no
/// other column for it, and the marker both survives restarts and tells an approval exactly which rows it releases.
/// </summary>
public static class SnapshotRows
{
    private const string HeldPrefix = "held:";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SnapshotUser FromDocusign(DocusignUser user)
    {
        var attributes = new DocusignUserAttributes
        {
            UserName = user.UserName ?? string.Empty,
            Email = user.Email ?? string.Empty,
            FirstName = user.FirstName,
            LastName = user.LastName,
            JobTitle = user.JobTitle,
            UserStatus = user.StatusText ?? DocusignUserStatuses.ToWire(user.Status),
        };
        return new SnapshotUser(user.UserId, Hash(attributes), attributes);
    }

    /// <summary>
    /// A user from the Admin API's listing (incremental poll). It has no job title: <see cref="WithStoredJobTitle"/>
    /// takes the stored one, so a listed user compares equal unless something the listing carries changed.
    /// </summary>
    public static SnapshotUser FromOrganizationUser(DocusignOrganizationUser user)
    {
        var attributes = new DocusignUserAttributes
        {
            UserName = user.UserName ?? string.Empty,
            Email = user.Email ?? string.Empty,
            FirstName = user.FirstName,
            LastName = user.LastName,
            JobTitle = null,
            UserStatus = user.UserStatus,
        };
        return new SnapshotUser(user.UserId, Hash(attributes), attributes);
    }

    /// <summary>The listed user with the job title of its stored row (the Admin API listing has none).</summary>
    public static SnapshotUser WithStoredJobTitle(SnapshotUser listed, SnapshotRow stored)
    {
        var attributes = listed.Attributes with { JobTitle = ReadAttributes(stored).JobTitle };
        return listed with { Hash = Hash(attributes), Attributes = attributes };
    }

    /// <summary>128 bits of SHA-256 over the attributes; the status is compared by meaning, since Docusign's casing varies.</summary>
    public static string Hash(DocusignUserAttributes user)
    {
        var status = DocusignUserStatuses.Parse(user.UserStatus) is var parsed && parsed != DocusignUserStatus.Unknown
            ? parsed.ToString()
            : user.UserStatus;
        var canonical = string.Join('\u001f', user.UserName, user.Email, user.FirstName, user.LastName, user.JobTitle, status);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonical), digest);
        return Convert.ToHexString(digest[..16]);
    }

    public static SnapshotRow ToRow(SnapshotUser user) =>
        new(user.DocusignUserId, user.Hash, JsonSerializer.Serialize(user.Attributes, Json));

    public static DocusignUserAttributes ReadAttributes(SnapshotRow row) =>
        JsonSerializer.Deserialize<DocusignUserAttributes>(row.AttributesJson, Json)
        ?? throw new InvalidOperationException($"Snapshot row of Docusign user {row.DocusignUserId} holds no attributes.");

    /// <summary>The row kept in place of a held deletion.</summary>
    public static SnapshotRow MarkHeld(SnapshotRow previous, Guid heldBy) =>
        previous with { AttributesHash = $"{HeldPrefix}{heldBy:D}:{Unmarked(previous.AttributesHash).Hash}" };

    /// <summary>The attribute hash of a row and, for a held row, the snapshot whose guard held it.</summary>
    public static (string Hash, Guid? HeldBy) Unmarked(string storedHash)
    {
        if (!storedHash.StartsWith(HeldPrefix, StringComparison.Ordinal))
        {
            return (storedHash, null);
        }

        var rest = storedHash.AsSpan(HeldPrefix.Length);
        var separator = rest.IndexOf(':');
        return separator > 0 && Guid.TryParse(rest[..separator], CultureInfo.InvariantCulture, out var heldBy)
            ? (rest[(separator + 1)..].ToString(), heldBy)
            : (storedHash, null);
    }
}
