using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Docusign.Emulator.OAuth;

/// <summary>RFC 7636 S256: the challenge is BASE64URL(SHA256(ASCII(code_verifier))).</summary>
internal static class Pkce
{
    public static bool Verifies(string? challenge, string? method, string? verifier)
    {
        if (challenge is null)
        {
            return true;
        }

        if (verifier is null || method != "S256")
        {
            return false;
        }

        var computed = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }
}
