using System.Globalization;
using System.Text.Json.Nodes;
using PingOne.Emulator.Api;
using PingOne.Emulator.Directory;

namespace PingOne.Emulator.Activities;

/// <summary>
/// Builds events in PingOne's ACTIVITY format, shaped like the webhook-delivered sample in fact sheet §1.5:
/// ids, names and population only, never the changed values (those are named in <c>result.description</c>).
/// </summary>
internal sealed class ActivityEventFactory(string environmentId, Hosting.ApiAddress apiBase, TimeProvider time)
{
    public JsonObject User(string actionType, string description, EmulatedUser user, DirectoryActor actor, string resultDescription) =>
        Event(actionType, description, actor, resultDescription, new JsonObject
        {
            ["environment"] = Environment(),
            ["href"] = Href($"users/{user.Id}"),
            ["id"] = user.Id,
            ["name"] = user.Username,
            ["population"] = new JsonObject { ["id"] = user.PopulationId },
            ["type"] = "USER",
        });

    public JsonObject Group(string actionType, string description, EmulatedGroup group, DirectoryActor actor, string resultDescription)
    {
        var resource = new JsonObject
        {
            ["environment"] = Environment(),
            ["href"] = Href($"groups/{group.Id}"),
            ["id"] = group.Id,
            ["name"] = group.Name,
            ["type"] = "GROUP",
        };
        return Event(actionType, description, actor, resultDescription, resource);
    }

    /// <summary>
    /// The membership resource names the group, and the user and group ids live only in the href
    /// (observed MEMBER_OF_GROUP events, fact sheet §1.6). Its own id is not documented: a fresh one is used.
    /// </summary>
    public JsonObject Membership(string actionType, string description, EmulatedUser user, EmulatedGroup group, DirectoryActor actor, string resultDescription) =>
        Event(actionType, description, actor, resultDescription, new JsonObject
        {
            ["type"] = "MEMBER_OF_GROUP",
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = group.Name,
            ["environment"] = Environment(),
            ["href"] = Href($"users/{user.Id}/memberOfGroups/{group.Id}"),
        });

    public JsonObject Population(string actionType, string description, EmulatedPopulation population, DirectoryActor actor, string resultDescription) =>
        Event(actionType, description, actor, resultDescription, new JsonObject
        {
            ["environment"] = Environment(),
            ["href"] = Href($"populations/{population.Id}"),
            ["id"] = population.Id,
            ["name"] = population.Name,
            ["type"] = "POPULATION",
        });

    private JsonObject Event(string actionType, string description, DirectoryActor actor, string resultDescription, JsonObject resource)
    {
        var now = ApiJson.Timestamp(time.GetUtcNow());
        var actors = new JsonObject
        {
            ["client"] = new JsonObject
            {
                ["environment"] = Environment(),
                ["href"] = Href($"applications/{actor.ClientId}"),
                ["id"] = actor.ClientId,
                ["name"] = actor.ClientName,
                ["type"] = "CLIENT",
            },
        };
        if (actor.UserId is not null)
        {
            actors["user"] = new JsonObject
            {
                ["environment"] = Environment(),
                ["href"] = Href($"users/{actor.UserId}"),
                ["id"] = actor.UserId,
                ["name"] = actor.UserName,
                ["type"] = "USER",
            };
        }

        var activity = new JsonObject
        {
            ["_embedded"] = new JsonObject(),
            ["action"] = new JsonObject { ["type"] = actionType, ["description"] = description },
            ["actors"] = actors,
            ["correlationId"] = Guid.NewGuid().ToString(),
            ["createdAt"] = now,
            ["id"] = Guid.NewGuid().ToString(),
            ["recordedAt"] = now,
            ["resources"] = new JsonArray(resource),
            ["result"] = new JsonObject { ["description"] = resultDescription, ["status"] = "SUCCESS" },
        };

        // Observed USER.DELETED events carry this tag (fact sheet §1.5); other admin identity changes likely do too.
        if (actionType.EndsWith(".DELETED", StringComparison.Ordinal))
        {
            activity["tags"] = new JsonArray("adminIdentityEvent");
        }

        return activity;
    }

    private JsonObject Environment() => new() { ["id"] = environmentId };

    private string Href(string relative) =>
        string.Create(CultureInfo.InvariantCulture, $"{apiBase.Value.AbsoluteUri.TrimEnd('/')}/environments/{environmentId}/{relative}");
}
