using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ProvisioningBus.Docusign;

/// <summary>
/// The JWT-grant assertion: RS256 over <c>{iss: integration key, sub: impersonated user, aud: account server host,
/// iat, exp, scope: "signature impersonation"}</c> (fact sheet §5.4). Docusign accepts an exp at most an hour out.
/// </summary>
public static class DocusignJwtAssertion
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public const string Scopes = "signature impersonation";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>The account server's host as Docusign wants it in aud, e.g. <c>account-d.docusign.com</c> (no scheme).</summary>
    public static string Audience(Uri tokenEndpoint) => tokenEndpoint.Authority;

    public static string Create(string clientId, string userId, string audience, string privateKeyPem, DateTimeOffset now)
    {
        var header = Encode(new { alg = "RS256", typ = "JWT" });
        var payload = Encode(new
        {
            iss = clientId,
            sub = userId,
            aud = audience,
            iat = now.ToUnixTimeSeconds(),
            exp = (now + Lifetime).ToUnixTimeSeconds(),
            scope = Scopes,
        });
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Why the file is not a usable RSA private key (completing "…PrivateKeyFile "), or null when it is.</summary>
    public static string? KeyProblem(string path)
    {
        if (!File.Exists(path))
        {
            return $"does not exist ('{Path.GetFullPath(path)}').";
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(path));
            // A public key imports too, but cannot sign.
            rsa.ExportParameters(includePrivateParameters: true);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"is not a readable PEM RSA private key ('{Path.GetFullPath(path)}').";
        }
    }

    private static string Encode<T>(T value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
