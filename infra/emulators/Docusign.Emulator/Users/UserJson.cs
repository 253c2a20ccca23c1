using System.Text.Json.Nodes;
using Docusign.Emulator.Infrastructure;

namespace Docusign.Emulator.Users;

/// <summary>The spec's user shapes: userInformation, newUser and the slimmer userInfo.</summary>
internal static class UserJson
{
    public static JsonObject Information(EmulatedUser user, IReadOnlyList<EmulatedGroup>? groups = null)
    {
        var body = EmulatorJson.Object(
            ("userName", user.UserName),
            ("userId", user.UserId),
            ("userType", "CompanyUser"),
            ("isAdmin", EmulatorJson.Bool(user.IsAdmin)),
            ("userStatus", user.UserStatus),
            ("uri", Uri(user.UserId)),
            ("email", user.Email),
            ("createdDateTime", EmulatorJson.Date(user.CreatedDateTime)),
            ("userAddedToAccountDateTime", EmulatorJson.Date(user.CreatedDateTime)),
            ("userProfileLastModifiedDate", EmulatorJson.Date(user.LastModified)),
            ("firstName", EmulatorJson.Text(user.FirstName)),
            ("middleName", EmulatorJson.Text(user.MiddleName)),
            ("lastName", EmulatorJson.Text(user.LastName)),
            ("suffixName", EmulatorJson.Text(user.SuffixName)),
            ("title", EmulatorJson.Text(user.Title)),
            ("jobTitle", EmulatorJson.Text(user.JobTitle)),
            ("company", EmulatorJson.Text(user.Company)),
            ("permissionProfileId", user.PermissionProfileId),
            ("permissionProfileName", user.PermissionProfileName));
        if (groups is not null)
        {
            body["groupList"] = new JsonArray([.. groups.Select(g => (JsonNode)EmulatorJson.Object(
                ("groupId", g.GroupId),
                ("groupName", g.GroupName),
                ("groupType", g.GroupType)))]);
        }

        return body;
    }

    public static JsonObject NewUser(UserOutcome outcome)
    {
        if (outcome.Error is { } error)
        {
            // Spec example: a failed item echoes email/userName, carries the existing userId if there is one, and an
            // unset createdDateTime (fact sheet §1.2).
            return EmulatorJson.Object(
                ("userId", EmulatorJson.Text(outcome.User?.UserId)),
                ("uri", EmulatorJson.Text(outcome.User is null ? null : Uri(outcome.User.UserId))),
                ("email", EmulatorJson.Text(outcome.Request.Email)),
                ("userName", EmulatorJson.Text(outcome.Request.UserName)),
                ("createdDateTime", EmulatorJson.UnsetDate),
                ("errorDetails", EmulatorJson.Error(error)));
        }

        var user = outcome.User!;
        return EmulatorJson.Object(
            ("userId", user.UserId),
            ("uri", Uri(user.UserId)),
            ("email", user.Email),
            ("userName", user.UserName),
            ("userStatus", user.UserStatus),
            ("createdDateTime", EmulatorJson.Date(user.CreatedDateTime)),
            ("membershipId", user.MembershipId),
            ("permissionProfileId", user.PermissionProfileId),
            ("permissionProfileName", user.PermissionProfileName));
    }

    public static JsonObject Info(EmulatedUser? user, EmulatorError? error = null, string? requestedUserId = null) =>
        EmulatorJson.Object(
            ("userId", EmulatorJson.Text(user?.UserId ?? requestedUserId)),
            ("userName", EmulatorJson.Text(user?.UserName)),
            ("email", EmulatorJson.Text(user?.Email)),
            ("userType", user is null ? null : "CompanyUser"),
            ("userStatus", EmulatorJson.Text(user?.UserStatus)),
            ("uri", EmulatorJson.Text(user is null ? null : Uri(user.UserId))),
            ("errorDetails", error is null ? null : EmulatorJson.Error(error)));

    public static string Uri(string userId) => "/users/" + userId;

    public static UserChange ReadChange(JsonNode item) => new()
    {
        UserId = EmulatorJson.Scalar(item, "userId"),
        UserName = EmulatorJson.Scalar(item, "userName"),
        Email = EmulatorJson.Scalar(item, "email"),
        FirstName = EmulatorJson.Scalar(item, "firstName"),
        MiddleName = EmulatorJson.Scalar(item, "middleName"),
        LastName = EmulatorJson.Scalar(item, "lastName"),
        SuffixName = EmulatorJson.Scalar(item, "suffixName"),
        Title = EmulatorJson.Scalar(item, "title"),
        JobTitle = EmulatorJson.Scalar(item, "jobTitle"),
        Company = EmulatorJson.Scalar(item, "company"),
        PermissionProfileId = EmulatorJson.Scalar(item, "permissionProfileId"),
        GroupIds = [.. EmulatorJson.Items(item, "groupList").Select(g => EmulatorJson.Scalar(g, "groupId")).OfType<string>()],
    };
}
