using System.Security.Cryptography;

namespace ProvisioningBus.Operations.Tests.Tenants;

/// <summary>An integration key's RSA key pair as Docusign hands it out: the private key in a PEM file, the public one registered.</summary>
public sealed class RsaKeyFile : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public RsaKeyFile()
    {
        // Docusign's "Generate RSA" gives a PKCS#1 "BEGIN RSA PRIVATE KEY" block.
        File.WriteAllText(Path, _rsa.ExportRSAPrivateKeyPem());
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"provisioningbus-key-{Guid.NewGuid():N}.pem");

    public string PublicKeyPem => _rsa.ExportSubjectPublicKeyInfoPem();

    public void Dispose()
    {
        File.Delete(Path);
        _rsa.Dispose();
    }
}
