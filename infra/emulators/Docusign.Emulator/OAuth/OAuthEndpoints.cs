using System.Text;
using System.Text.Json.Nodes;
using Docusign.Emulator.Infrastructure;

namespace Docusign.Emulator.OAuth;

/// <summary>
/// The account server: <c>POST /oauth/token</c> (refresh-token grant, client id/secret as HTTP Basic, form-encoded,
/// rotating refresh tokens; fact sheet §5.2–5.4) and <c>GET /oauth/userinfo</c> (§5.5).
/// </summary>
internal static class OAuthEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", RedeemAsync);
        routes.MapGet("/oauth/userinfo", UserInfo);
    }

    private static async Task<IResult> RedeemAsync(HttpContext context, DocusignEmulatorState state)
    {
        if (!context.Request.HasFormContentType)
        {
            return OAuthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (clientId, clientSecret) = BasicCredentials(context.Request);
        clientId ??= NullIfEmpty(form["client_id"]);
        clientSecret ??= NullIfEmpty(form["client_secret"]);
        var outcome = state.RedeemRefreshToken(clientId, clientSecret, NullIfEmpty(form["grant_type"]), NullIfEmpty(form["refresh_token"]));
        if (outcome.Error is { } error)
        {
            return OAuthError(error, outcome.ErrorDescription!, outcome.StatusCode);
        }

        var body = new JsonObject
        {
            ["access_token"] = outcome.AccessToken,
            ["token_type"] = "Bearer",
            ["refresh_token"] = outcome.RefreshToken,
            ["expires_in"] = outcome.ExpiresIn,
            ["scope"] = "signature extended",
        };
        context.Response.Headers.CacheControl = "no-store";
        return EmulatorJson.Respond(body);
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
