using System.Globalization;
using System.Text.Json.Nodes;
using PingOne.Emulator.Directory;

namespace PingOne.Emulator.Api;

/// <summary>Renders stored entities in the management API's JSON shapes (schemas User, Group, GroupMembership, Population, EntityArray).</summary>
internal sealed class ApiJson(string environmentId, Hosting.ApiAddress apiBase)
{
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public string EnvironmentHref(string relative) => $"{apiBase.Value.AbsoluteUri.TrimEnd('/')}/environments/{environmentId}/{relative}";

    public JsonObject User(EmulatedUser user, IReadOnlyList<EmulatedGroup>? memberOfGroupIds = null, IReadOnlyList<EmulatedGroup>? memberOfGroupNames = null)
    {
        var json = new JsonObject
        {
            ["_links"] = Links(
                ("self", $"users/{user.Id}"),
                ("password", $"users/{user.Id}/password"),
                ("population", $"populations/{user.PopulationId}"),
                ("account.sendVerificationCode", $"users/{user.Id}")),
            ["id"] = user.Id,
            ["environment"] = Environment(),
            ["account"] = new JsonObject { ["canAuthenticate"] = user.Enabled, ["status"] = "OK" },
            ["createdAt"] = Timestamp(user.CreatedAt),
            ["enabled"] = user.Enabled,
            ["identityProvider"] = new JsonObject { ["type"] = "PING_ONE" },
            ["lifecycle"] = new JsonObject { ["status"] = "ACCOUNT_OK" },
            ["mfaEnabled"] = false,
            ["population"] = new JsonObject { ["id"] = user.PopulationId },
            ["updatedAt"] = Timestamp(user.UpdatedAt),
            ["username"] = user.Username,
            ["verifyStatus"] = "NOT_INITIATED",
        };
        SetIfPresent(json, "email", user.Email);
        SetIfPresent(json, "title", user.Title);
        SetIfPresent(json, "externalId", user.ExternalId);
        if (user.Name is { } name)
        {
            var nameJson = new JsonObject();
            SetIfPresent(nameJson, "given", name.Given);
            SetIfPresent(nameJson, "middle", name.Middle);
            SetIfPresent(nameJson, "family", name.Family);
            SetIfPresent(nameJson, "formatted", name.Formatted);
            json["name"] = nameJson;
        }

        if (memberOfGroupIds is not null)
        {
            json["memberOfGroupIDs"] = new JsonArray([.. memberOfGroupIds.Select(g => (JsonNode)JsonValue.Create(g.Id))]);
        }

        if (memberOfGroupNames is not null)
        {
            json["memberOfGroupNames"] = new JsonArray([.. memberOfGroupNames.Select(g => (JsonNode)JsonValue.Create(g.Name))]);
        }

        return json;
    }

    public JsonObject Enabled(EmulatedUser user) => new()
    {
        ["_links"] = Links(("self", $"users/{user.Id}/enabled"), ("user", $"users/{user.Id}")),
        ["enabled"] = user.Enabled,
    };

    public JsonObject UserPopulation(EmulatedUser user) => new()
    {
        ["_links"] = Links(("self", $"users/{user.Id}/population"), ("user", $"users/{user.Id}"), ("population", $"populations/{user.PopulationId}")),
        ["id"] = user.PopulationId,
    };

    public JsonObject Group(EmulatedGroup group)
    {
        var json = new JsonObject
        {
            ["_links"] = Links(("self", $"groups/{group.Id}")),
            ["id"] = group.Id,
            ["environment"] = Environment(),
            ["name"] = group.Name,
            ["createdAt"] = Timestamp(group.CreatedAt),
            ["updatedAt"] = Timestamp(group.UpdatedAt),
        };
        SetIfPresent(json, "description", group.Description);
        SetIfPresent(json, "externalId", group.ExternalId);
        if (group.PopulationId is not null)
        {
            json["population"] = new JsonObject { ["id"] = group.PopulationId };
        }

        return json;
    }

    public JsonObject Membership(string userId, EmulatedGroup group, bool expandGroup)
    {
        var json = new JsonObject
        {
            ["_links"] = Links(("self", $"users/{userId}/memberOfGroups/{group.Id}"), ("user", $"users/{userId}"), ("group", $"groups/{group.Id}")),
            ["id"] = group.Id,
            ["environment"] = Environment(),
            ["name"] = group.Name,
            ["type"] = "DIRECT",
        };
        if (expandGroup)
        {
            json["_embedded"] = new JsonObject { ["group"] = Group(group) };
        }

        return json;
    }

    public JsonObject Population(EmulatedPopulation population, int userCount)
    {
        var json = new JsonObject
        {
            ["_links"] = Links(("self", $"populations/{population.Id}")),
            ["id"] = population.Id,
            ["environment"] = Environment(),
            ["name"] = population.Name,
            ["default"] = population.Default,
            ["userCount"] = userCount,
            ["createdAt"] = Timestamp(population.CreatedAt),
            ["updatedAt"] = Timestamp(population.CreatedAt),
        };
        SetIfPresent(json, "description", population.Description);
        return json;
    }

    /// <summary>The EntityArray envelope: <c>_links</c>, <c>_embedded.{key}</c>, total <c>count</c> and page <c>size</c>.</summary>
    public static JsonObject Page(string key, IReadOnlyList<JsonObject> items, int count, string selfHref, string? nextHref)
    {
        var links = new JsonObject { ["self"] = new JsonObject { ["href"] = selfHref } };
        if (nextHref is not null)
        {
            links["next"] = new JsonObject { ["href"] = nextHref };
        }

        return new JsonObject
        {
            ["_links"] = links,
            ["_embedded"] = new JsonObject { [key] = new JsonArray([.. items]) },
            ["count"] = count,
            ["size"] = items.Count,
        };
    }

    public static JsonObject Error(EmulatorApiException error)
    {
        var json = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["code"] = error.Code,
            ["message"] = error.Message,
        };
        if (error.DetailCode is not null)
        {
            var detail = new JsonObject { ["code"] = error.DetailCode, ["message"] = error.Message };
            SetIfPresent(detail, "target", error.Target);
            json["details"] = new JsonArray(detail);
        }

        return json;
    }

    private JsonObject Environment() => new() { ["id"] = environmentId };

    private JsonObject Links(params (string Name, string Relative)[] links)
    {
        var json = new JsonObject();
        foreach (var (name, relative) in links)
        {
            json[name] = new JsonObject { ["href"] = EnvironmentHref(relative) };
        }

        return json;
    }

    private static void SetIfPresent(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
