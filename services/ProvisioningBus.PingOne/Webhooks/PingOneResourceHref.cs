namespace ProvisioningBus.PingOne.Webhooks;

/// <summary>Reads ids out of the <c>href</c> that PingOne puts on event resources.</summary>
internal static class PingOneResourceHref
{
    /// <summary>
    /// MEMBER_OF_GROUP events name the membership, not the user or group: the ids exist only in the href,
    /// <c>…/environments/{env}/users/{userId}/memberOfGroups/{groupId}</c> (fact sheet §1.6, observed events).
    /// </summary>
    public static bool TryParseMembership(string href, out string userId, out string groupId)
    {
        userId = string.Empty;
        groupId = string.Empty;
        var segments = PathSegments(href);
        if (segments.Length < 4
            || segments[^4] != "users"
            || segments[^2] != "memberOfGroups")
        {
            return false;
        }

        userId = segments[^3];
        groupId = segments[^1];
        return true;
    }

    /// <summary>The id after <c>/environments/</c>, or null when the href has none.</summary>
    public static string? EnvironmentId(string? href)
    {
        if (href is null)
        {
            return null;
        }

        var segments = PathSegments(href);
        var index = Array.IndexOf(segments, "environments");
        return index >= 0 && index + 1 < segments.Length ? segments[index + 1] : null;
    }

    private static string[] PathSegments(string href)
    {
        var end = href.IndexOfAny(['?', '#']);
        var path = end < 0 ? href : href[..end];
        return path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
