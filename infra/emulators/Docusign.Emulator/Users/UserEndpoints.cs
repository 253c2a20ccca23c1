using System.Text.Json.Nodes;
using Docusign.Emulator.Infrastructure;

namespace Docusign.Emulator.Users;

/// <summary>
/// Users_GetUsers, Users_PostUsers, Users_PutUsers, Users_DeleteUsers, User_GetUser and User_PutUser
/// (fact sheet §1). Bulk calls answer 200/201 with per-item errorDetails.
/// </summary>
internal static class UserEndpoints
{
    /// <summary>"The maximum number of users you can create in one request is 500 users." (§1.2)</summary>
    public const int MaxNewUsersPerRequest = 500;

    public static void Map(RouteGroupBuilder account)
    {
        account.MapGet("/users", List);
        account.MapPost("/users", CreateAsync);
        account.MapPut("/users", UpdateManyAsync);
        account.MapDelete("/users", CloseAsync);
        account.MapGet("/users/{userId}", Get);
        account.MapPut("/users/{userId}", UpdateOneAsync);
    }

    private static IResult List(HttpRequest request, DocusignEmulatorState state)
    {
        if (!Paging.TryRead(request, out var start, out var count, out var pagingError))
        {
            return EmulatorJson.Fail(pagingError!);
        }

        var query = new UserQuery
        {
            Email = NullIfEmpty(request.Query["email"]),
            EmailSubstring = NullIfEmpty(request.Query["email_substring"]),
            UserNameSubstring = NullIfEmpty(request.Query["user_name_substring"]),
            Statuses = SplitList(request.Query["status"]),
            GroupIds = SplitList(request.Query["group_id"]),
            NotGroupIds = SplitList(request.Query["not_group_id"]),
        };
        if (query.Email is not null && query.EmailSubstring is not null)
        {
            // "You can use either this parameter or the email_substring parameter, but not both." (§1.1)
            return EmulatorJson.Fail(new EmulatorError("INVALID_REQUEST_PARAMETER", "The request contained at least one invalid parameter. Use either email or email_substring, not both."));
        }

        var additionalInfo = IsTrue(request.Query["additional_info"]);
        var (page, total) = state.ListUsers(query, start, count);
        var body = new JsonObject();
        if (page.Count > 0)
        {
            body["users"] = new JsonArray([.. page.Select(u => (JsonNode)UserJson.Information(u, additionalInfo ? state.GroupsOfUser(u.UserId) : null))]);
        }

        Paging.Write(body, "/users", PassThroughQuery(request, "email", "email_substring", "user_name_substring", "status", "group_id", "not_group_id", "additional_info"), start, count, page.Count, total);
        return EmulatorJson.Respond(body);
    }

    private static IResult Get(string userId, HttpRequest request, DocusignEmulatorState state)
    {
        var user = state.FindUser(userId);
        if (user is null)
        {
            return EmulatorJson.Fail(DocusignEmulatorState.UnknownUser);
        }

        // groupList is part of the single-user read (spec example §1.3); additional_info adds more settings only.
        return EmulatorJson.Respond(UserJson.Information(user, state.GroupsOfUser(user.UserId)));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, DocusignEmulatorState state)
    {
        var body = await EmulatorJson.ReadObjectAsync(request);
        if (body?["newUsers"] is not JsonArray items || items.Count == 0)
        {
            return EmulatorJson.Fail(EmulatorJson.InvalidBody);
        }

        if (items.Count > MaxNewUsersPerRequest)
        {
            return EmulatorJson.Fail(new EmulatorError("INVALID_REQUEST_PARAMETER", $"The maximum number of users you can create in one request is {MaxNewUsersPerRequest}."));
        }

        var outcomes = state.CreateUsers([.. items.OfType<JsonNode>().Select(UserJson.ReadChange)]);
        var summary = new JsonObject { ["newUsers"] = new JsonArray([.. outcomes.Select(o => (JsonNode)UserJson.NewUser(o))]) };
        return EmulatorJson.Respond(summary, StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateOneAsync(string userId, HttpRequest request, DocusignEmulatorState state)
    {
        var body = await EmulatorJson.ReadObjectAsync(request);
        if (body is null)
        {
            return EmulatorJson.Fail(EmulatorJson.InvalidBody);
        }

        var outcome = state.UpdateUser(UserJson.ReadChange(body) with { UserId = userId });
        return outcome.Error is { } error
            ? EmulatorJson.Fail(error)
            : EmulatorJson.Respond(UserJson.Information(outcome.User!));
    }

    private static async Task<IResult> UpdateManyAsync(HttpRequest request, DocusignEmulatorState state)
    {
        var body = await EmulatorJson.ReadObjectAsync(request);
        if (body?["users"] is not JsonArray items || items.Count == 0)
        {
            return EmulatorJson.Fail(EmulatorJson.InvalidBody);
        }

        var results = new JsonArray();
        foreach (var item in items.OfType<JsonNode>())
        {
            var outcome = state.UpdateUser(UserJson.ReadChange(item));
            var json = outcome.User is null
                ? EmulatorJson.Object(("userId", EmulatorJson.Text(outcome.Request.UserId)))
                : UserJson.Information(outcome.User);
            if (outcome.Error is { } error)
            {
                json["errorDetails"] = EmulatorJson.Error(error);
            }

            results.Add(json);
        }

        var response = new JsonObject { ["users"] = results };
        Paging.Write(response, "/users", null, 0, results.Count, results.Count, results.Count);
        return EmulatorJson.Respond(response);
    }

    private static async Task<IResult> CloseAsync(HttpRequest request, DocusignEmulatorState state)
    {
        var body = await EmulatorJson.ReadObjectAsync(request);
        if (body?["users"] is not JsonArray items || items.Count == 0)
        {
            return EmulatorJson.Fail(EmulatorJson.InvalidBody);
        }

        // delete=Groups,PermissionSet,SigningGroupsEmail: what else to strip when closing (§1.6); only Groups matters here.
        var stripGroups = SplitList(request.Query["delete"]).Contains("Groups", StringComparer.OrdinalIgnoreCase);
        var outcomes = state.CloseUsers([.. items.OfType<JsonNode>().Select(UserJson.ReadChange)], stripGroups);
        var response = new JsonObject
        {
            ["users"] = new JsonArray([.. outcomes.Select(o => (JsonNode)UserJson.Info(o.User, o.Error, o.Request.UserId))]),
        };
        Paging.Write(response, "/users", null, 0, outcomes.Count, outcomes.Count, outcomes.Count);
        return EmulatorJson.Respond(response);
    }

    internal static IReadOnlyList<string> SplitList(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    internal static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) =>
        string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrEmpty(value.ToString()) ? null : value.ToString();

    internal static string? PassThroughQuery(HttpRequest request, params string[] names)
    {
        var parts = names
            .Where(n => request.Query.ContainsKey(n))
            .Select(n => n + "=" + Uri.EscapeDataString(request.Query[n].ToString()))
            .ToList();
        return parts.Count == 0 ? null : string.Join('&', parts);
    }
}
