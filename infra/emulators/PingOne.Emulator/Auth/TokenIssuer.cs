using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace PingOne.Emulator.Auth;

/// <summary>
/// The worker app's <c>client_credentials</c> grant at <c>{auth}/{envId}/as/token</c> (fact sheet §2.1):
/// client_secret_basic or client_secret_post, opaque bearer tokens with PingOne's 1 hour lifetime.
/// </summary>
internal sealed class TokenIssuer(PingOneEmulatorOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private int _issuedCount;

    public int IssuedCount => Volatile.Read(ref _issuedCount);

    public bool TryAuthenticateClient(string? clientId, string? clientSecret) =>
        clientId is not null
        && clientSecret is not null
        && ((FixedTimeEquals(clientId, options.ClientId) && FixedTimeEquals(clientSecret, options.ClientSecret))
            || (FixedTimeEquals(clientId, options.AdminApiClientId) && FixedTimeEquals(clientSecret, options.AdminApiClientSecret)));

    public (string Token, TimeSpan Lifetime) Issue(string clientId)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _tokens[token] = new IssuedToken(clientId, time.GetUtcNow() + options.TokenLifetime);
        Interlocked.Increment(ref _issuedCount);
        return (token, options.TokenLifetime);
    }

    /// <summary>The client a bearer token belongs to, or null when it is unknown or expired.</summary>
    public string? Validate(string token)
    {
        if (!_tokens.TryGetValue(token, out var issued))
        {
            return null;
        }

        if (issued.ExpiresAt <= time.GetUtcNow())
        {
            _tokens.TryRemove(token, out _);
            return null;
        }

        return issued.ClientId;
    }

    /// <summary>Makes every issued token invalid, as a key rotation or revocation would.</summary>
    public void RevokeAll() => _tokens.Clear();

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
