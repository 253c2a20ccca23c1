using System.Text.Json.Nodes;
using Docusign.Emulator.Infrastructure;
using Docusign.Emulator.Users;

namespace Docusign.Emulator.Groups;

/// <summary>Groups_GetGroups, Groups_PostGroups (201), Groups_PutGroups and Groups_DeleteGroups (fact sheet §2).</summary>
internal static class GroupEndpoints
{
    public static void Map(RouteGroupBuilder account)
    {
        account.MapGet("/groups", List);
        account.MapPost("/groups", CreateAsync);
        account.MapPut("/groups", UpdateAsync);
        account.MapDelete("/groups", DeleteAsync);
    }

    private static IResult List(HttpRequest request, DocusignEmulatorState state)
    {
        if (!Paging.TryRead(request, out var start, out var count, out var pagingError))
        {
            return EmulatorJson.Fail(pagingError!);
        }

        // include_usercount defaults to true; the property returned is usersCount (§2.1).
        var includeCount = !string.Equals(request.Query["include_usercount"].ToString(), "false", StringComparison.OrdinalIgnoreCase);
        var (page, total) = state.ListGroups(request.Query["group_type"].ToString(), request.Query["search_text"].ToString(), start, count);
        var body = new JsonObject();
        if (page.Count > 0)
        {
            body["groups"] = new JsonArray([.. page.Select(p => (JsonNode)GroupJson.Group(p.Group, includeCount ? p.UsersCount : null))]);
        }

        Paging.Write(body, "/groups", UserEndpoints.PassThroughQuery(request, "group_type", "search_text", "include_usercount"), start, count, page.Count, total);
        return EmulatorJson.Respond(body);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, DocusignEmulatorState state) =>
        await BulkAsync(request, state.CreateGroups, StatusCodes.Status201Created, withCount: true);

    private static async Task<IResult> UpdateAsync(HttpRequest request, DocusignEmulatorState state) =>
        await BulkAsync(request, state.UpdateGroups, StatusCodes.Status200OK, withCount: false);

    private static async Task<IResult> DeleteAsync(HttpRequest request, DocusignEmulatorState state) =>
        await BulkAsync(request, state.DeleteGroups, StatusCodes.Status200OK, withCount: false);

    private static async Task<IResult> BulkAsync(
        HttpRequest request,
        Func<IReadOnlyList<GroupChange>, IReadOnlyList<GroupOutcome>> apply,
        int successStatus,
        bool withCount)
    {
        var body = await EmulatorJson.ReadObjectAsync(request);
        if (body?["groups"] is not JsonArray items || items.Count == 0)
        {
            return EmulatorJson.Fail(EmulatorJson.InvalidBody);
        }

        var outcomes = apply([.. items.OfType<JsonNode>().Select(GroupJson.ReadChange)]);
        var groups = new JsonArray([.. outcomes.Select(o => (JsonNode)GroupJson.Group(
            o.Group,
            withCount && o.Error is null ? 0 : null,
            o.Error,
            o.Request))]);
        var response = new JsonObject { ["groups"] = groups };
        Paging.Write(response, "/groups", null, 0, outcomes.Count, outcomes.Count, outcomes.Count);
        return EmulatorJson.Respond(response, successStatus);
    }
}
