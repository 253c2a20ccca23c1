using System.Globalization;
using Docusign.Emulator.OAuth;

namespace Docusign.Emulator.Infrastructure;

/// <summary>
/// What Docusign does before an eSignature REST call reaches its handler: bearer-token check (401), account
/// membership (USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT), the hourly/burst budget with its X-RateLimit-* and
/// X-BurstLimit-* headers (fact sheet §6), and the administrator check for user/group management.
/// </summary>
internal sealed class RestGatekeeperMiddleware(RequestDelegate next, DocusignEmulatorState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!EmulatorPaths.IsRest(context.Request.Path))
        {
            await next(context);
            return;
        }

        var token = BearerToken(context.Request);
        switch (state.CheckAccessToken(token))
        {
            case AccessTokenCheck.Missing:
                await EmulatorJson.WriteAsync(
                    context.Response,
                    EmulatorJson.Error(new EmulatorError("USER_AUTHENTICATION_FAILED", "One or both of Username and Password are invalid. Invalid access token")),
                    StatusCodes.Status401Unauthorized);
                return;
            case AccessTokenCheck.Invalid:
            case AccessTokenCheck.Expired:
                await EmulatorJson.WriteAsync(
                    context.Response,
                    EmulatorJson.Error(new EmulatorError("AUTHORIZATION_INVALID_TOKEN", "The access token provided is expired, revoked or malformed.")),
                    StatusCodes.Status401Unauthorized);
                return;
        }

        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(EmulatorPaths.AccountsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = path[EmulatorPaths.AccountsPrefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var accountId = slash < 0 ? rest : rest[..slash];
            if (!string.Equals(accountId, state.AccountId, StringComparison.OrdinalIgnoreCase))
            {
                await EmulatorJson.WriteAsync(
                    context.Response,
                    EmulatorJson.Error(new EmulatorError("USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT", "The specified User is not a member of the specified Account.")),
                    StatusCodes.Status400BadRequest);
                return;
            }
        }

        var budget = state.AdmitRestCall();
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = budget.HourlyLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = budget.HourlyRemaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = budget.ResetEpochSeconds.ToString(CultureInfo.InvariantCulture);
        headers["X-BurstLimit-Limit"] = budget.BurstLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-BurstLimit-Remaining"] = budget.BurstRemaining.ToString(CultureInfo.InvariantCulture);
        if (budget.Error is { } limitError)
        {
            await EmulatorJson.WriteAsync(context.Response, EmulatorJson.Error(limitError), budget.ErrorStatusCode);
            return;
        }

        var manages = path.Contains("/users", StringComparison.OrdinalIgnoreCase) || path.Contains("/groups", StringComparison.OrdinalIgnoreCase);
        if (manages && !state.TokenUserIsAdmin)
        {
            // Managing users and groups needs an account administrator (fact sheet §5.4).
            await EmulatorJson.WriteAsync(
                context.Response,
                EmulatorJson.Error(new EmulatorError("USER_LACKS_PERMISSIONS", "This user lacks sufficient permissions to access this resource.")),
                StatusCodes.Status403Forbidden);
            return;
        }

        await next(context);
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
