using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PingOne.Emulator.Directory;
using PingOne.Emulator.Filtering;

namespace PingOne.Emulator.Api;

/// <summary>Users, their enabled flag and their group memberships (fact sheet §2.3).</summary>
internal sealed class UsersEndpoints(EmulatorContext context)
{
    private static readonly HashSet<string> FilterableAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "username", "email", "externalId", "population.id", "name.given", "name.family", "name.formatted",
        "title", "enabled", "createdAt", "updatedAt",
    };

    private DirectoryState State => context.State;

    public IResult List(HttpRequest request)
    {
        var predicate = ScimFilter.Compile(request.Query["filter"].ToString(), FilterableAttributes);
        var matching = State.Users().Where(u => predicate(Subject(u))).ToList();

        // memberOfGroupIDs is "not returned with a list of users" (fact sheet §2.2).
        return ApiResults.Json(Paging.Page(request, "users", matching, u => u.Sequence, u => context.Json.User(u), context.Options.MaxUsersPageSize));
    }

    public IResult Get(HttpRequest request, string userId)
    {
        var user = State.FindUser(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
        var include = request.Query["include"].ToString();
        var groups = include.Length > 0 ? State.GroupsOf(userId) : null;
        return ApiResults.Json(context.Json.User(
            user,
            include.Contains("memberOfGroupIDs", StringComparison.OrdinalIgnoreCase) ? groups : null,
            include.Contains("memberOfGroupNames", StringComparison.OrdinalIgnoreCase) ? groups : null));
    }

    public async Task<IResult> Create(HttpRequest request, DirectoryActor actor, CancellationToken ct)
    {
        var body = await ApiResults.ReadObjectAsync(request, ct);
        var changes = ReadChanges(body);
        var user = State.CreateUser(
            actor,
            changes.Username ?? string.Empty,
            changes.Email,
            changes.Name,
            changes.Title,
            ApiResults.NestedString(body, "population", "id"),
            changes.ExternalId);
        return ApiResults.Json(context.Json.User(user), StatusCodes.Status201Created);
    }

    public async Task<IResult> Patch(HttpRequest request, DirectoryActor actor, string userId, CancellationToken ct)
    {
        var body = await ApiResults.ReadObjectAsync(request, ct);
        RejectPopulationChange(body, userId);
        var user = State.UpdateUser(actor, userId, ReadChanges(body));
        return ApiResults.Json(context.Json.User(user));
    }

    public async Task<IResult> Replace(HttpRequest request, DirectoryActor actor, string userId, CancellationToken ct)
    {
        var body = await ApiResults.ReadObjectAsync(request, ct);
        RejectPopulationChange(body, userId);
        var user = State.ReplaceUser(actor, userId, ReadChanges(body));
        return ApiResults.Json(context.Json.User(user));
    }

    public IResult Delete(DirectoryActor actor, string userId)
    {
        State.DeleteUser(actor, userId);
        return Results.NoContent();
    }

    public IResult GetEnabled(string userId)
    {
        var user = State.FindUser(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
        return ApiResults.Json(context.Json.Enabled(user));
    }

    public async Task<IResult> SetEnabled(HttpRequest request, DirectoryActor actor, string userId, CancellationToken ct)
    {
        var body = await ApiResults.ReadObjectAsync(request, ct);
        if (body["enabled"] is not JsonValue value || !value.TryGetValue<bool>(out var enabled))
        {
            throw EmulatorApiException.Invalid("enabled must be a boolean", "enabled", "REQUIRED_VALUE");
        }

        return ApiResults.Json(context.Json.Enabled(State.SetEnabled(actor, userId, enabled)));
    }

    public IResult GetPopulation(string userId)
    {
        var user = State.FindUser(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
        return ApiResults.Json(context.Json.UserPopulation(user));
    }

    public async Task<IResult> SetPopulation(HttpRequest request, DirectoryActor actor, string userId, CancellationToken ct)
    {
        var body = await ApiResults.ReadObjectAsync(request, ct);
        if (body["id"] is not JsonValue value || !value.TryGetValue<string>(out var populationId) || string.IsNullOrEmpty(populationId))
        {
            throw EmulatorApiException.Invalid("id must name a population", "id", "REQUIRED_VALUE");
        }

        return ApiResults.Json(context.Json.UserPopulation(State.MoveToPopulation(actor, userId, populationId)));
    }

    public IResult ListMemberships(HttpRequest request, string userId)
    {
        _ = State.FindUser(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
        var expand = request.Query["expand"].ToString().Contains("group", StringComparison.OrdinalIgnoreCase);
        return ApiResults.Json(Paging.Page(
            request, "groupMemberships", State.GroupsOf(userId), g => g.Sequence, g => context.Json.Membership(userId, g, expand), 1000));
    }

    public IResult GetMembership(HttpRequest request, string userId, string groupId)
    {
        var group = State.GroupsOf(userId).FirstOrDefault(g => g.Id == groupId)
            ?? throw EmulatorApiException.NotFound($"group membership of user {userId} in group {groupId}");
        var expand = request.Query["expand"].ToString().Contains("group", StringComparison.OrdinalIgnoreCase);
        return ApiResults.Json(context.Json.Membership(userId, group, expand));
    }

    public async Task<IResult> AddMembership(HttpRequest request, DirectoryActor actor, string userId, CancellationToken ct)
    {
        var body = await ApiResults.ReadObjectAsync(request, ct);
        var groupId = ApiResults.String(body, "id") ?? throw EmulatorApiException.Invalid("id (the group id) is required", "id", "REQUIRED_VALUE");
        var group = State.AddMember(actor, userId, groupId);
        return ApiResults.Json(context.Json.Membership(userId, group, expandGroup: false), StatusCodes.Status201Created);
    }

    public IResult RemoveMembership(DirectoryActor actor, string userId, string groupId)
    {
        State.RemoveMember(actor, userId, groupId);
        return Results.NoContent();
    }

    /// <summary>The population "cannot be changed by PUT /users/{id}"; PingOne has a separate endpoint for it (fact sheet §2.2).</summary>
    private void RejectPopulationChange(JsonObject body, string userId)
    {
        var populationId = ApiResults.NestedString(body, "population", "id");
        var user = State.FindUser(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
        if (populationId is not null && populationId != user.PopulationId)
        {
            throw EmulatorApiException.Invalid("population cannot be changed here; use PUT /users/{userID}/population", "population.id");
        }
    }

    private static EmulatedUserChanges ReadChanges(JsonObject body)
    {
        EmulatedUserName? name = null;
        if (body["name"] is JsonObject nameJson)
        {
            name = new EmulatedUserName(
                ApiResults.String(nameJson, "given"),
                ApiResults.String(nameJson, "family"),
                ApiResults.String(nameJson, "middle"),
                ApiResults.String(nameJson, "formatted"));
        }

        return new EmulatedUserChanges
        {
            Username = ApiResults.String(body, "username"),
            Email = ApiResults.String(body, "email"),
            Name = name,
            Title = ApiResults.String(body, "title"),
            ExternalId = ApiResults.String(body, "externalId"),
        };
    }

    private ScimSubject Subject(EmulatedUser user) => new(
        path => path.ToLowerInvariant() switch
        {
            "id" => user.Id,
            "username" => user.Username,
            "email" => user.Email,
            "externalid" => user.ExternalId,
            "population.id" => user.PopulationId,
            "name.given" => user.Name?.Given,
            "name.family" => user.Name?.Family,
            "name.formatted" => user.Name?.Formatted,
            "title" => user.Title,
            "enabled" => user.Enabled ? "true" : "false",
            "createdat" => ApiJson.Timestamp(user.CreatedAt),
            "updatedat" => ApiJson.Timestamp(user.UpdatedAt),
            _ => null,
        },
        groupId => State.GroupsOf(user.Id).Any(g => g.Id == groupId));
}
