using Microsoft.AspNetCore.Http;
using PingOne.Emulator.Directory;
using PingOne.Emulator.Filtering;

namespace PingOne.Emulator.Api;

/// <summary>Groups (fact sheet §2.4); filterable on name, externalId and id.</summary>
internal sealed class GroupsEndpoints(EmulatorContext context)
{
    private static readonly HashSet<string> FilterableAttributes = new(StringComparer.OrdinalIgnoreCase) { "id", "name", "externalId", "population.id" };

    public IResult List(HttpRequest request)
    {
        var predicate = ScimFilter.Compile(request.Query["filter"].ToString(), FilterableAttributes);
        var matching = context.State.Groups().Where(g => predicate(Subject(g))).ToList();
        return ApiResults.Json(Paging.Page(request, "groups", matching, g => g.Sequence, context.Json.Group, 1000));
    }

    public IResult Get(string groupId)
    {
        var group = context.State.FindGroup(groupId) ?? throw EmulatorApiException.NotFound($"group with id {groupId}");
        return ApiResults.Json(context.Json.Group(group));
    }

    public async Task<IResult> Create(HttpRequest request, DirectoryActor actor, CancellationToken ct)
    {
        var body = await ApiResults.ReadObjectAsync(request, ct);
        var group = context.State.CreateGroup(
            actor,
            ApiResults.String(body, "name") ?? string.Empty,
            ApiResults.String(body, "description"),
            ApiResults.NestedString(body, "population", "id"),
            ApiResults.String(body, "externalId"));
        return ApiResults.Json(context.Json.Group(group), StatusCodes.Status201Created);
    }

    public async Task<IResult> Replace(HttpRequest request, DirectoryActor actor, string groupId, CancellationToken ct)
    {
        var body = await ApiResults.ReadObjectAsync(request, ct);
        var group = context.State.UpdateGroup(
            actor,
            groupId,
            ApiResults.String(body, "name") ?? string.Empty,
            ApiResults.String(body, "description"),
            ApiResults.String(body, "externalId"));
        return ApiResults.Json(context.Json.Group(group));
    }

    public IResult Delete(DirectoryActor actor, string groupId)
    {
        context.State.DeleteGroup(actor, groupId);
        return Results.NoContent();
    }

    private static ScimSubject Subject(EmulatedGroup group) => new(
        path => path.ToLowerInvariant() switch
        {
            "id" => group.Id,
            "name" => group.Name,
            "externalid" => group.ExternalId,
            "population.id" => group.PopulationId,
            _ => null,
        },
        _ => false);
}
