using System.Text.Json.Nodes;
using Docusign.Emulator.Infrastructure;

namespace Docusign.Emulator.Groups;

/// <summary>The spec's <c>group</c> shape (fact sheet §2.5).</summary>
internal static class GroupJson
{
    public static JsonObject Group(EmulatedGroup? group, int? usersCount = null, EmulatorError? error = null, GroupChange? request = null) =>
        EmulatorJson.Object(
            ("groupId", EmulatorJson.Text(group?.GroupId ?? request?.GroupId)),
            ("groupName", EmulatorJson.Text(group?.GroupName ?? request?.GroupName)),
            ("groupType", EmulatorJson.Text(group?.GroupType)),
            ("permissionProfileId", EmulatorJson.Text(group?.PermissionProfileId)),
            ("usersCount", usersCount is { } n ? EmulatorJson.Number(n) : null),
            ("errorDetails", error is null ? null : EmulatorJson.Error(error)));

    public static GroupChange ReadChange(JsonNode item) => new(
        EmulatorJson.Scalar(item, "groupId"),
        EmulatorJson.Scalar(item, "groupName"),
        EmulatorJson.Scalar(item, "permissionProfileId"));
}
