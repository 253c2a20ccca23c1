using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Docusign.Emulator.OAuth;

/// <summary>
/// What consents the account server remembers: the outstanding authorization codes and whether the user consented to
/// impersonation (the JWT grant answers <c>consent_required</c> until someone did, as Docusign does).
/// </summary>
public sealed class ConsentLedger(TimeProvider time)
{
    /// <summary>Authorization codes are short-lived; Docusign does not publish the figure, two minutes is typical.</summary>
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);
    private volatile bool _impersonationConsented;

    /// <summary>True once a consent with the <c>impersonation</c> scope went through /oauth/auth.</summary>
    public bool ImpersonationConsented
    {
        get => _impersonationConsented;
        set => _impersonationConsented = value;
    }

    internal string Issue(string clientId, string redirectUri, string? codeChallenge, string? codeChallengeMethod, string scope)
    {
        var code = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _codes[code] = new AuthorizationCode(clientId, redirectUri, codeChallenge, codeChallengeMethod, scope, time.GetUtcNow() + CodeLifetime);
        if (scope.Split(' ').Contains("impersonation", StringComparer.Ordinal))
        {
            _impersonationConsented = true;
        }

        return code;
    }

    /// <summary>Takes the code out: a second redemption of the same code fails like an unknown one.</summary>
    internal AuthorizationCode? Redeem(string code) =>
        _codes.TryRemove(code, out var issued) && issued.ExpiresAt > time.GetUtcNow() ? issued : null;
}
