using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ProvisioningBus.Gateway.Admin;

/// <summary>
/// Guards the admin endpoints with <c>Gateway:Admin:Token</c>: <c>Authorization: Bearer &lt;token&gt;</c> for scripts,
/// or Basic with the token as password (any user name) so a browser prompts for it. A request that passed gets an
/// HttpOnly, SameSite=Strict cookie with the token: browsers do not reuse credentials typed into a URL for the
/// page's own <c>fetch</c>, so the page's calls to the API authenticate with the cookie.
/// </summary>
public sealed class AdminAuthenticationFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    private const string Challenge = "Basic realm=\"ProvisioningBus admin\", charset=\"UTF-8\"";
    private const string CookieName = "ProvisioningBus.Admin";

    private readonly byte[]? expected = string.IsNullOrWhiteSpace(options.Value.Token) ? null : Encoding.UTF8.GetBytes(options.Value.Token.Trim());

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (expected is null)
        {
            // Off, rather than open: nobody configured who may read user names and account ids.
            return Results.NotFound();
        }

        var request = context.HttpContext.Request;
        if (Presented(request) is { } presented && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected))
        {
            context.HttpContext.Response.Cookies.Append(CookieName, presented, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = request.IsHttps,
                Path = "/",
            });
            return await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = Challenge;
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required.", detail: "Send the Gateway:Admin:Token as a Bearer token, or as the Basic password.");
    }

    private static string? Presented(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) || header.Parameter is null)
        {
            return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie.Length > 0 ? cookie : null;
        }

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return header.Parameter;
        }

        if (!header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : credentials[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
