using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Docusign.Emulator.OAuth;

/// <summary>
/// Checks a JWT-grant assertion the way Docusign documents it: RS256 signed with the integration key's RSA key,
/// <c>iss</c> the integration key, <c>sub</c> the impersonated user id, <c>aud</c> the account server's host (e.g.
/// <c>account-d.docusign.com</c>), <c>exp</c> in the future, <c>scope</c> including <c>signature impersonation</c>.
/// </summary>
internal static class JwtAssertionVerifier
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <returns>Null when the assertion is good, else the error_description Docusign-style.</returns>
    public static string? Problem(string assertion, string publicKeyPem, string clientId, string userId, string audience, DateTimeOffset now)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return "The assertion is not a JWT (header.payload.signature).";
        }

        JsonElement header;
        JsonElement payload;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
            payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement;
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return "The assertion is not a well-formed JWT.";
        }

        if (Text(header, "alg") != "RS256")
        {
            return "The assertion must be signed with RS256.";
        }

        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "The JWT signature does not match the integration key's RSA public key.";
        }

        if (Text(payload, "iss") != clientId)
        {
            return "iss is not a known integration key.";
        }

        if (!string.Equals(Text(payload, "sub"), userId, StringComparison.OrdinalIgnoreCase))
        {
            return "sub is not a user of this account.";
        }

        if (!string.Equals(Text(payload, "aud"), audience, StringComparison.OrdinalIgnoreCase))
        {
            return $"aud must be {audience}.";
        }

        if (!payload.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expSeconds)
            || DateTimeOffset.FromUnixTimeSeconds(expSeconds) <= now - ClockSkew)
        {
            return "The assertion has expired (exp).";
        }

        if (payload.TryGetProperty("iat", out var iat) && iat.TryGetInt64(out var iatSeconds) && DateTimeOffset.FromUnixTimeSeconds(iatSeconds) > now + ClockSkew)
        {
            return "iat is in the future.";
        }

        var scopes = (Text(payload, "scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Contains("signature") && scopes.Contains("impersonation")
            ? null
            : "scope must include signature impersonation.";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
