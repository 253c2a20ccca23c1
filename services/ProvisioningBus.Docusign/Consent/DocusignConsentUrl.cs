using System.Buffers.Text;
using System.Security.Cryptography;

namespace ProvisioningBus.Docusign;

/// <summary>
/// The consent page URL, <c>{OAuth base}/oauth/auth?response_type=code&amp;scope=…&amp;client_id=…&amp;redirect_uri=…</c>.
/// <c>signature extended</c> for the authorization-code grant: without <c>extended</c> the refresh chain dies 30 days after
/// the consent, and it cannot be added at refresh time (fact sheet §5.4). <c>signature impersonation</c> for the JWT grant.
/// </summary>
public static class DocusignConsentUrl
{
    public const string AuthorizationCodeScopes = "signature extended";

    public static Uri ForAuthorizationCode(Uri oauthBase, string clientId, Uri redirectUri, string state, DocusignPkce pkce) =>
        Build(oauthBase, clientId, redirectUri, AuthorizationCodeScopes, state, pkce);

    public static Uri ForJwtConsent(Uri oauthBase, string clientId, Uri redirectUri) =>
        Build(oauthBase, clientId, redirectUri, DocusignJwtAssertion.Scopes, null, null);

    /// <summary>An unguessable state: the redirect that comes back must carry it, or it answers someone else's request.</summary>
    public static string NewState() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    private static Uri Build(Uri oauthBase, string clientId, Uri redirectUri, string scope, string? state, DocusignPkce? pkce)
    {
        var query = new List<(string, string)>
        {
            ("response_type", "code"),
            ("scope", scope),
            ("client_id", clientId),
            ("redirect_uri", redirectUri.ToString()),
        };
        if (state is not null)
        {
            query.Add(("state", state));
        }

        if (pkce is not null)
        {
            query.Add(("code_challenge", pkce.Challenge));
            query.Add(("code_challenge_method", DocusignPkce.Method));
        }

        var text = string.Join("&", query.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
        return new Uri(new Uri(oauthBase, "/oauth/auth"), "?" + text);
    }
}
