using System.Globalization;
using System.Text.Json.Nodes;
using Docusign.Emulator.Infrastructure;
using Docusign.Emulator.OAuth;

namespace Docusign.Emulator.Admin;

/// <summary>
/// The Admin API's <c>GET /Management/v2/organizations/{organizationId}/users</c> (Users: getUsers), the part the
/// incremental inbound poll reads: members of one account, optionally only those modified since a time
/// (<c>last_modified_since</c>), paged by <c>start</c> (default 0) and <c>take</c> (default 20). The answer is
/// <c>OrganizationUsersResponse</c>: <c>users</c> (<c>OrganizationUserResponse</c>, snake case) and <c>paging</c>
/// (<c>PagingResponseProperties</c>). The Admin API is not the eSignature REST API: it has no account budget headers here.
/// </summary>
internal static class AdminUserEndpoints
{
    public const int DefaultTake = 20;

    /// <summary>The emulator's own ceiling on <c>take</c>; Docusign documents none.</summary>
    public const int MaxTake = 250;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/management/v2/organizations/{organizationId}/users", List);

    private static IResult List(HttpRequest request, string organizationId, DocusignEmulatorState state)
    {
        if (state.CheckAccessToken(RestGatekeeperMiddleware.BearerToken(request)) != AccessTokenCheck.Valid)
        {
            return EmulatorJson.Fail(new EmulatorError("AUTHORIZATION_INVALID_TOKEN", "The access token provided is expired, revoked or malformed."), StatusCodes.Status401Unauthorized);
        }

        if (!string.Equals(organizationId, state.OrganizationId, StringComparison.OrdinalIgnoreCase))
        {
            return EmulatorJson.Fail(new EmulatorError("ORGANIZATION_NOT_FOUND", $"Organization {organizationId} does not exist or the caller is not its administrator."), StatusCodes.Status404NotFound);
        }

        // "You must include at least one of … account_id, organization_reserved_domain_id, email"; the emulator knows accounts only.
        var accountId = request.Query["account_id"].ToString();
        if (string.IsNullOrEmpty(accountId))
        {
            return EmulatorJson.Fail(new EmulatorError("INVALID_REQUEST_PARAMETER", "At least one of email, account_id or organization_reserved_domain_id must be specified."));
        }

        if (!TryReadInt(request, "start", 0, out var start) || start < 0
            || !TryReadInt(request, "take", DefaultTake, out var take) || take is < 1 or > MaxTake)
        {
            return EmulatorJson.Fail(new EmulatorError("INVALID_REQUEST_PARAMETER", $"start must be 0 or more and take 1–{MaxTake}."));
        }

        DateTimeOffset? since = null;
        if (request.Query["last_modified_since"].ToString() is { Length: > 0 } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return EmulatorJson.Fail(new EmulatorError("INVALID_REQUEST_PARAMETER", $"last_modified_since '{sinceText}' is not a date."));
            }

            since = parsed;
        }

        var (page, total) = string.Equals(accountId, state.AccountId, StringComparison.OrdinalIgnoreCase)
            ? state.ListUsersModifiedSince(since, start, take)
            : ([], 0);
        var paging = new JsonObject
        {
            ["result_set_size"] = page.Count,
            ["result_set_start_position"] = start,
            ["result_set_end_position"] = start + page.Count - 1,
            ["total_set_size"] = total,
        };
        if (start + page.Count < total)
        {
            paging["next"] = PageUri(request, start + page.Count, take);
        }

        if (start > 0)
        {
            paging["previous"] = PageUri(request, Math.Max(0, start - take), take);
        }

        return EmulatorJson.Respond(new JsonObject
        {
            ["users"] = new JsonArray([.. page.Select(user => (JsonNode)User(user))]),
            ["paging"] = paging,
        });
    }

    private static JsonObject User(EmulatedUser user) => new()
    {
        ["id"] = user.UserId,
        ["user_name"] = user.UserName,
        ["first_name"] = user.FirstName,
        ["last_name"] = user.LastName,
        // The organisation user is active while it exists; its membership in the account carries the eSignature status.
        ["user_status"] = "active",
        ["membership_status"] = MembershipStatus(user.UserStatus),
        ["email"] = user.Email,
        ["created_on"] = user.CreatedDateTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["membership_created_on"] = user.CreatedDateTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["membership_id"] = user.MembershipId,
    };

    /// <summary>eSignature's ActivationRequired, ActivationSent, Active, Closed, Disabled in the Admin API's snake case.</summary>
    private static string MembershipStatus(string userStatus) => userStatus.ToUpperInvariant() switch
    {
        "ACTIVATIONREQUIRED" => "activation_required",
        "ACTIVATIONSENT" => "activation_sent",
        "CLOSED" => "closed",
        "DISABLED" => "disabled",
        _ => "active",
    };

    private static string PageUri(HttpRequest request, int start, int take)
    {
        var query = request.Query
            .Where(pair => pair.Key is not ("start" or "take"))
            .Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value.ToString())}")
            .Append($"start={start}")
            .Append($"take={take}");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }

    private static bool TryReadInt(HttpRequest request, string name, int fallback, out int value)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
