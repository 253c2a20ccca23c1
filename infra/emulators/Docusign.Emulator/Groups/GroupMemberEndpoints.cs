using System.Text.Json.Nodes;
using Docusign.Emulator.Infrastructure;
using Docusign.Emulator.Users;

namespace Docusign.Emulator.Groups;

/// <summary>Groups_GetGroupUsers, Groups_PutGroupUsers and Groups_DeleteGroupUsers (fact sheet §3).</summary>
internal static class GroupMemberEndpoints
{
    public static void Map(RouteGroupBuilder account)
    {
        account.MapGet("/groups/{groupId}/users", List);
        account.MapPut("/groups/{groupId}/users", (string groupId, HttpRequest request, DocusignEmulatorState state) => ChangeAsync(groupId, request, state, add: true));
        account.MapDelete("/groups/{groupId}/users", (string groupId, HttpRequest request, DocusignEmulatorState state) => ChangeAsync(groupId, request, state, add: false));
    }

    private static IResult List(string groupId, HttpRequest request, DocusignEmulatorState state)
    {
        if (!Paging.TryRead(request, out var start, out var count, out var pagingError))
        {
            return EmulatorJson.Fail(pagingError!);
        }

        if (state.ListGroupMembers(groupId, start, count) is not { } members)
        {
            return EmulatorJson.Fail(DocusignEmulatorState.UnknownGroup);
        }

        var (page, total) = members;
        var body = new JsonObject();
        if (page.Count > 0)
        {
            body["users"] = new JsonArray([.. page.Select(u => (JsonNode)UserJson.Info(u))]);
        }

        Paging.Write(body, $"/groups/{groupId}/users", null, start, count, page.Count, total);
        return EmulatorJson.Respond(body);
    }

    private static async Task<IResult> ChangeAsync(string groupId, HttpRequest request, DocusignEmulatorState state, bool add)
    {
        var body = await EmulatorJson.ReadObjectAsync(request);
        if (body?["users"] is not JsonArray items || items.Count == 0)
        {
            return EmulatorJson.Fail(EmulatorJson.InvalidBody);
        }

        var (groupError, outcomes) = state.ChangeMembers(groupId, [.. items.OfType<JsonNode>().Select(UserJson.ReadChange)], add);
        if (groupError is not null)
        {
            return EmulatorJson.Fail(groupError);
        }

        var response = new JsonObject
        {
            ["users"] = new JsonArray([.. outcomes.Select(o => (JsonNode)UserJson.Info(o.User, o.Error, o.Request.UserId))]),
        };
        Paging.Write(response, $"/groups/{groupId}/users", null, 0, outcomes.Count, outcomes.Count, outcomes.Count);
        return EmulatorJson.Respond(response);
    }
}
