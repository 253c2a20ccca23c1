using System.Text.Json;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Core.DeadLetters;

/// <summary>
/// Reads whom a change is about from a MassTransit message body (the JSON envelope MassTransit writes, as it sits in an
/// <c>_error</c> queue), so the worker that dead-letters a change and the CLI that lists or replays it name it the same
/// way. It reads the envelope as JSON rather than through MassTransit, because the CLI reads raw broker messages.
/// </summary>
public static class ChangeSubjects
{
    /// <summary>
    /// The user consumer's queue: a membership change that fails there failed as its user's change, elsewhere as its group's.
    /// </summary>
    public const string UserQueue = RoleQueues.UserChanges;

    /// <summary>
    /// The subject of the change in <paramref name="body"/>, which reached <paramref name="queue"/> (the consumer's queue,
    /// without <c>_error</c>); null for a body that is not one of our entity changes (a sync command, a foreign message).
    /// </summary>
    /// <remarks>
    /// The rules are those the consumers apply the change to: every enabled outbound rule whose source is the change's
    /// environment (for a group or membership, only those that push the group), or the inbound rule the change names.
    /// </remarks>
    public static ChangeSubject? Describe(ReadOnlyMemory<byte> body, string queue, OutboundOptions outbound)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
                || MessageType(root) is not { } type)
            {
                return null;
            }

            var subject = type switch
            {
                nameof(PingOneUserChanged) when Text(message, "userId") is { } user =>
                    Outbound(type, EntityKind.User, user, Text(message, "userName"), [user], RulesOf(outbound, message, group: null)),
                nameof(PingOneGroupChanged) when Text(message, "groupId") is { } group =>
                    Outbound(type, EntityKind.Group, group, Text(message, "groupName"), [group], RulesOf(outbound, message, group)),
                nameof(PingOneMembershipChanged) when (Text(message, "userId"), Text(message, "groupId")) is ({ } user, { } group) =>
                    string.Equals(queue, UserQueue, StringComparison.Ordinal)
                        ? Outbound(type, EntityKind.User, user, null, [user, group], RulesOf(outbound, message, group: null))
                        : Outbound(type, EntityKind.Group, group, Text(message, "groupName"), [group, user], RulesOf(outbound, message, group)),
                nameof(DocusignUserAppeared) or nameof(DocusignUserChanged) or nameof(DocusignUserDisappeared)
                    when (Text(message, "docusignUserId"), Text(message, "ruleName")) is ({ } docusignUser, { } rule) =>
                    new ChangeSubject(type, EntityKind.User, docusignUser, InboundEmail(message) ?? docusignUser, [rule], [docusignUser]) { Inbound = true },
                _ => null,
            };
            return subject is null ? null : subject with
            {
                Action = ActionOf(type, message),
                EventId = subject.Inbound ? Text(root, "messageId") : Text(message, "eventId"),
            };
        }
    }

    /// <summary>The change's verb, from its contract and its <c>action</c> (written as a name or a number).</summary>
    private static string? ActionOf(string type, JsonElement message)
    {
        var action = message.TryGetProperty("action", out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
        return type switch
        {
            nameof(PingOneUserChanged) or nameof(PingOneGroupChanged) when Enum.TryParse<DirectoryChangeAction>(action, ignoreCase: true, out var change) => change switch
            {
                DirectoryChangeAction.Created => "create",
                DirectoryChangeAction.Updated => "update",
                DirectoryChangeAction.Deleted => "delete",
                _ => null,
            },
            nameof(PingOneMembershipChanged) when Enum.TryParse<MembershipChangeAction>(action, ignoreCase: true, out var membership) =>
                membership switch
                {
                    MembershipChangeAction.Added => "add",
                    MembershipChangeAction.Removed => "remove",
                    _ => null,
                },
            nameof(DocusignUserAppeared) => "create",
            nameof(DocusignUserChanged) => "update",
            nameof(DocusignUserDisappeared) => "delete",
            _ => null,
        };
    }

    private static ChangeSubject Outbound(string type, EntityKind kind, string id, string? name, string[] ids, IReadOnlyList<string> rules) =>
        new(type, kind, id, string.IsNullOrWhiteSpace(name) ? id : name, rules, ids);

    private static List<string> RulesOf(OutboundOptions outbound, JsonElement message, string? group) =>
        Text(message, "environmentId") is not { } environment
            ? []
            : [.. outbound.Rules
                .Where(rule => rule.Value.Enabled
                    && string.Equals(rule.Value.SourceEnvironmentId, environment, StringComparison.Ordinal)
                    && (group is null || rule.Value.GroupsToPush.Contains(group, StringComparer.Ordinal)))
                .Select(rule => rule.Key)
                .Order(StringComparer.Ordinal)];

    /// <summary>The contract name from the envelope's first <c>urn:message:Namespace:Type</c>.</summary>
    private static string? MessageType(JsonElement root) =>
        root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
            && types[0].ValueKind == JsonValueKind.String && types[0].GetString() is { } urn
            ? urn[(urn.LastIndexOf(':') + 1)..]
            : null;

    private static string? InboundEmail(JsonElement message) =>
        new[] { "current", "attributes", "lastKnown" }
            .Select(name => message.TryGetProperty(name, out var attributes) && attributes.ValueKind == JsonValueKind.Object ? Text(attributes, "email") : null)
            .FirstOrDefault(email => email is not null);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
