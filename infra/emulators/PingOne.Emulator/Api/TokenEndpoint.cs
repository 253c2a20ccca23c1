using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PingOne.Emulator.Api;

/// <summary><c>POST {auth}/{envId}/as/token</c>, <c>grant_type=client_credentials</c>, client_secret_basic or client_secret_post.</summary>
internal sealed class TokenEndpoint(EmulatorContext context)
{
    public async Task<IResult> Issue(HttpRequest request, string environmentId, CancellationToken ct)
    {
        if (environmentId != context.Options.EnvironmentId)
        {
            return OAuthError(StatusCodes.Status404NotFound, "invalid_request", "Unknown environment");
        }

        if (!request.HasFormContentType)
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_request", "The body must be application/x-www-form-urlencoded");
        }

        var form = await request.ReadFormAsync(ct);
        var (clientId, clientSecret) = ClientCredentials(request, form);
        if (!context.Tokens.TryAuthenticateClient(clientId, clientSecret))
        {
            var failed = OAuthError(StatusCodes.Status401Unauthorized, "invalid_client", "Request denied: Unsupported authentication method");
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"PingOne\"";
            return failed;
        }

        if (form["grant_type"] != "client_credentials")
        {
            return OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only client_credentials is supported by the emulator");
        }

        var (token, lifetime) = context.Tokens.Issue(clientId!);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Content(
            new JsonObject
            {
                ["access_token"] = token,
                ["token_type"] = "Bearer",
                ["expires_in"] = (int)lifetime.TotalSeconds,
                ["scope"] = "p1:read:user p1:update:user p1:create:user p1:delete:user",
            }.ToJsonString(),
            "application/json",
            Encoding.UTF8);
    }

    /// <summary>client_secret_basic encodes id and secret form-urlencoded inside Basic (RFC 6749 §2.3.1).</summary>
    private static (string? ClientId, string? ClientSecret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
                }
            }
            catch (FormatException)
            {
            }

            return (null, null);
        }

        return (form["client_id"].ToString() is { Length: > 0 } id ? id : null, form["client_secret"].ToString() is { Length: > 0 } secret ? secret : null);
    }

    private static IResult OAuthError(int status, string error, string description) =>
        Results.Content(
            new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString(),
            "application/json",
            Encoding.UTF8,
            status);
}
