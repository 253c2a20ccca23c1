using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ProvisioningBus.State.Secrets;

/// <summary>
/// Encrypts the secrets the store keeps (Docusign refresh tokens) with ASP.NET Core Data Protection, whose key ring
/// lives in a directory outside the database: a copy of the database alone reveals no token.
/// </summary>
internal sealed class StoredSecretProtector
{
    /// <summary>Data Protection isolates payloads by application name: every process of ours must use the same one.</summary>
    public const string ApplicationName = "ProvisioningBus";

    /// <summary>Marks an encrypted value; a value without it was written before encryption and is read as it is.</summary>
    private const string Prefix = "dp1:";

    private const string Purpose = "ProvisioningBus.State.StoredSecret.v1";

    private readonly DirectoryInfo keyRing;
    private IDataProtector protector;

    public StoredSecretProtector(string keyRingPath)
    {
        keyRing = new DirectoryInfo(keyRingPath);
        protector = Create(keyRing);
    }

    public string KeyRingPath => keyRing.FullName;

    public string Protect(string secret) => Prefix + protector.Protect(secret);

    /// <exception cref="StoredSecretUnreadableException">The value was encrypted with a key this key ring does not hold.</exception>
    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var payload = stored[Prefix.Length..];
        try
        {
            return protector.Unprotect(payload);
        }
        catch (CryptographicException)
        {
            // Another process sharing the directory may have created a key after this one loaded the ring (two
            // processes starting on an empty ring each create one); re-reading the directory finds it.
            protector = Create(keyRing);
        }

        try
        {
            return protector.Unprotect(payload);
        }
        catch (CryptographicException exception)
        {
            throw StoredSecretUnreadableException.ForKeyRing(keyRing.FullName, exception);
        }
    }

    private static IDataProtector Create(DirectoryInfo directory) =>
        DataProtectionProvider.Create(directory, builder => builder.SetApplicationName(ApplicationName)).CreateProtector(Purpose);
}
