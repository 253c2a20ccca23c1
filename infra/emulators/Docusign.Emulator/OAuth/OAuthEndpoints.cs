using System.Text;
using System.Text.Json.Nodes;
using Docusign.Emulator.Infrastructure;

namespace Docusign.Emulator.OAuth;

/// <summary>
/// The account server: <c>POST /oauth/token</c> (refresh-token grant, client id/secret as HTTP Basic, form-encoded,
/// rotating refresh tokens; fact sheet §5.2–5.4; the authorization-code grant with PKCE; the JWT grant) and
/// <c>GET /oauth/userinfo</c> (§5.5).
/// </summary>
internal static class OAuthEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", RedeemAsync);
        routes.MapGet("/oauth/userinfo", UserInfo);
    }

    private const string AuthorizationCodeGrant = "authorization_code";
    private const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private static async Task<IResult> RedeemAsync(HttpContext context, DocusignEmulatorState state, ConsentLedger consents, DocusignEmulatorOptions options)
    {
        if (!context.Request.HasFormContentType)
        {
            return OAuthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (clientId, clientSecret) = BasicCredentials(context.Request);
        clientId ??= NullIfEmpty(form["client_id"]);
        clientSecret ??= NullIfEmpty(form["client_secret"]);
        var grantType = NullIfEmpty(form["grant_type"]);
        var outcome = grantType switch
        {
            AuthorizationCodeGrant => RedeemCode(state, consents, clientId, clientSecret, NullIfEmpty(form["code"]), NullIfEmpty(form["code_verifier"])),
            JwtBearerGrant => RedeemAssertion(state, consents, options, context.Request.Host.Value ?? "", NullIfEmpty(form["assertion"])),
            _ => state.RedeemRefreshToken(clientId, clientSecret, grantType, NullIfEmpty(form["refresh_token"])),
        };
        if (outcome.Error is { } error)
        {
            return OAuthError(error, outcome.ErrorDescription!, outcome.StatusCode);
        }

        var body = new JsonObject
        {
            ["access_token"] = outcome.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = outcome.ExpiresIn,
        };
        if (outcome.RefreshToken is not null)
        {
            body["refresh_token"] = outcome.RefreshToken;
            body["scope"] = "signature extended";
        }

        context.Response.Headers.CacheControl = "no-store";
        return EmulatorJson.Respond(body);
    }

    /// <summary>The code's PKCE verifier must match its S256 challenge; a confidential client also proves its secret.</summary>
    private static TokenOutcome RedeemCode(DocusignEmulatorState state, ConsentLedger consents, string? clientId, string? clientSecret, string? code, string? verifier)
    {
        if (!state.IsClient(clientId, clientSecret))
        {
            state.CountRefusedTokenRequest();
            return TokenOutcome.Fail("invalid_client", "The client is unknown or the client secret is wrong.", 401);
        }

        var issued = code is null ? null : consents.Redeem(code);
        if (issued is null || issued.ClientId != clientId)
        {
            state.CountRefusedTokenRequest();
            return TokenOutcome.Fail("invalid_grant", "The authorization code is invalid, expired or was already used.", 400);
        }

        if (!Pkce.Verifies(issued.CodeChallenge, issued.CodeChallengeMethod, verifier))
        {
            state.CountRefusedTokenRequest();
            return TokenOutcome.Fail("invalid_grant", "The code_verifier does not match the code_challenge.", 400);
        }

        if (issued.CodeChallenge is null && clientSecret is null)
        {
            state.CountRefusedTokenRequest();
            return TokenOutcome.Fail("invalid_client", "Without PKCE the client secret is required.", 401);
        }

        return state.IssueForAuthorizationCode();
    }

    private static TokenOutcome RedeemAssertion(DocusignEmulatorState state, ConsentLedger consents, DocusignEmulatorOptions options, string audience, string? assertion)
    {
        if (options.JwtPublicKeyPem is null)
        {
            state.CountRefusedTokenRequest();
            return TokenOutcome.Fail("invalid_client", "No RSA key pair is registered for this integration key.", 400);
        }

        var problem = assertion is null
            ? "assertion is required."
            : JwtAssertionVerifier.Problem(assertion, options.JwtPublicKeyPem, options.ClientId, state.AdminUserId, audience, state.TimeProvider.GetUtcNow());
        if (problem is not null)
        {
            state.CountRefusedTokenRequest();
            return TokenOutcome.Fail("invalid_grant", problem, 400);
        }

        if (!consents.ImpersonationConsented)
        {
            state.CountRefusedTokenRequest();
            return TokenOutcome.Fail("consent_required", "The user has not consented to impersonation by this integration key.", 400);
        }

        return state.IssueForJwtGrant();
    }

    private static IResult UserInfo(HttpContext context, DocusignEmulatorState state)
    {
        if (state.CheckAccessToken(RestGatekeeperMiddleware.BearerToken(context.Request)) != AccessTokenCheck.Valid)
        {
            return OAuthError("invalid_token", "The access token is missing, expired or invalid.", StatusCodes.Status401Unauthorized);
        }

        var admin = state.FindUser(state.AdminUserId)!;
        var baseUri = $"{context.Request.Scheme}://{context.Request.Host}";
        var body = new JsonObject
        {
            ["sub"] = admin.UserId,
            ["name"] = admin.UserName,
            ["given_name"] = admin.FirstName ?? admin.UserName.Split(' ')[0],
            ["family_name"] = admin.LastName ?? admin.UserName.Split(' ')[^1],
            ["created"] = EmulatorJson.Date(admin.CreatedDateTime).GetValue<string>(),
            ["email"] = admin.Email,
            ["accounts"] = new JsonArray(new JsonObject
            {
                ["account_id"] = state.AccountId,
                ["is_default"] = true,
                ["account_name"] = state.AccountName,
                ["base_uri"] = baseUri,
            }),
        };
        return EmulatorJson.Respond(body);
    }

    private static IResult OAuthError(string error, string description, int statusCode) =>
        EmulatorJson.Respond(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode);

    private static (string? ClientId, string? ClientSecret) BasicCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (decoded, null) : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 0 || string.IsNullOrEmpty(value[0]) ? null : value[0];
}
