using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ProvisioningBus.Docusign;

/// <summary>
/// RFC 7636 proof key: a random verifier kept by the CLI and its S256 challenge sent in the consent URL, so a code
/// intercepted on its way to the loopback listener is useless to anyone else.
/// </summary>
public sealed record DocusignPkce(string Verifier, string Challenge)
{
    public const string Method = "S256";

    public static DocusignPkce Create()
    {
        // 32 random bytes give a 43-character verifier, the RFC's minimum length.
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new DocusignPkce(verifier, ChallengeOf(verifier));
    }

    public static string ChallengeOf(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public override string ToString() => "DocusignPkce { *** }";
}
