using System.Net.Http.Headers;
using System.Text.Json;
using ProvisioningBus.Contracts;

namespace ProvisioningBus.PingOne.Webhooks;

/// <summary>
/// Turns the body of a PingOne ACTIVITY-format webhook delivery into directory change messages.
/// PingOne posts a JSON array of up to 500 events by default, or one event per line when the subscription
/// chose <c>ND_JSON</c> (fact sheet §1.3, §1.2 payloadOptions). Events carry ids and names only, never the
/// changed values, so the messages carry ids only too.
/// </summary>
public sealed class PingOneActivityParser
{
    /// <summary>The content type of newline-delimited JSON deliveries.</summary>
    public const string NdJsonMediaType = "application/x-ndjson";

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly byte[] Whitespace = " \t\r\n"u8.ToArray();

    /// <summary>True when a request's Content-Type says ND-JSON; anything else (including none) is read as a JSON array.</summary>
    public static bool IsNdJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType, NdJsonMediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a delivery, choosing the framing from its Content-Type header.</summary>
    public PingOneActivityBatch Parse(ReadOnlySpan<byte> body, string? contentType) => Parse(body, IsNdJson(contentType));

    /// <summary>Parses a delivery; one malformed event fails the whole of it.</summary>
    /// <exception cref="PingOneWebhookFormatException">The body is not a batch of ACTIVITY events.</exception>
    public PingOneActivityBatch Parse(ReadOnlySpan<byte> body, bool isNdJson) => Parse(body, isNdJson, setAsideMalformed: false);

    /// <summary>
    /// Parses a delivery, setting each event that cannot be read aside in <see cref="PingOneActivityBatch.Malformed"/>
    /// instead of failing the batch: PingOne retries a refused batch forever and delivers nothing behind it, so one
    /// bad event must not hold up the others. Only a body whose framing cannot be split into events still throws.
    /// </summary>
    /// <exception cref="PingOneWebhookFormatException">The body cannot be split into events (not a JSON array, broken JSON).</exception>
    public PingOneActivityBatch ParseEachEvent(ReadOnlySpan<byte> body, bool isNdJson) => Parse(body, isNdJson, setAsideMalformed: true);

    private static PingOneActivityBatch Parse(ReadOnlySpan<byte> body, bool isNdJson, bool setAsideMalformed)
    {
        var batch = new BatchBuilder(setAsideMalformed);
        if (isNdJson)
        {
            ParseNdJson(body, batch);
        }
        else
        {
            ParseArray(body, batch);
        }

        return new PingOneActivityBatch(batch.Changes, batch.Ignored, batch.Malformed);
    }

    private static void ParseArray(ReadOnlySpan<byte> body, BatchBuilder batch)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        var index = 0;
        try
        {
            if (!reader.Read())
            {
                throw new PingOneWebhookFormatException("the body is empty; expected a JSON array of activity events", null, "$", 0);
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new PingOneWebhookFormatException(
                    $"expected a JSON array of activity events but the body holds {Describe(reader.TokenType)}", null, "$", reader.TokenStartIndex);
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var location = new EventLocation(index, $"$[{index}]", reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new PingOneWebhookFormatException(
                        $"expected an event object but found {Describe(reader.TokenType)}", index, location.Path, location.BytePosition);
                }

                using var document = JsonDocument.ParseValue(ref reader);
                batch.Read(document.RootElement, location);
                index++;
            }

            // One more read makes the reader reject anything but whitespace after the closing bracket.
            reader.Read();
        }
        catch (JsonException ex)
        {
            throw new PingOneWebhookFormatException(
                $"the body is not valid JSON: {ex.Message}",
                null,
                ex.Path,
                AbsolutePosition(body, ex.LineNumber ?? 0, ex.BytePositionInLine),
                ex);
        }
    }

    private static void ParseNdJson(ReadOnlySpan<byte> body, BatchBuilder batch)
    {
        var offset = 0;
        var lineNumber = 0;
        var index = 0;
        while (offset < body.Length)
        {
            var rest = body[offset..];
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            var lineStart = offset;
            offset += newline < 0 ? rest.Length : newline + 1;
            lineNumber++;
            if (line.Trim(Whitespace).IsEmpty)
            {
                continue;
            }

            var location = new EventLocation(index, "$", lineStart);
            var reader = new Utf8JsonReader(line, ReaderOptions);
            try
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new PingOneWebhookFormatException(
                        $"expected one event object per line but line {lineNumber} holds {Describe(reader.TokenType)}", index, "$", lineStart + reader.TokenStartIndex);
                }

                using var document = JsonDocument.ParseValue(ref reader);
                reader.Read();
                batch.Read(document.RootElement, location);
            }
            catch (JsonException ex)
            {
                var problem = new PingOneWebhookFormatException(
                    $"line {lineNumber} is not valid JSON: {ex.Message}", index, ex.Path, lineStart + (ex.BytePositionInLine ?? 0), ex);
                batch.SetAside(index, null, null, System.Text.Encoding.UTF8.GetString(line), problem);
            }
            catch (PingOneWebhookFormatException problem)
            {
                batch.SetAside(index, null, null, System.Text.Encoding.UTF8.GetString(line), problem);
            }

            index++;
        }
    }

    private static void Interpret(JsonElement activity, EventLocation at, List<object> changes, List<IgnoredActivity> ignored)
    {
        var eventId = OptionalString(activity, "id");
        var actionType = RequiredString(activity, at, "action", "type");
        if (!IsHandled(actionType))
        {
            ignored.Add(new IgnoredActivity(eventId, actionType, "unhandled action type", IgnoredActivityKind.UnhandledType));
            return;
        }

        // A FAILED event describes a change that did not happen. An event without any status is treated the
        // same way: every observed PingOne event has result.status, and acting on a change that may not have
        // happened (a delete!) is worse than waiting for reconciliation.
        var status = OptionalString(activity, "result", "status");
        if (!string.Equals(status, "SUCCESS", StringComparison.OrdinalIgnoreCase))
        {
            ignored.Add(new IgnoredActivity(eventId, actionType, status is null ? "result.status is missing" : $"result.status is {status}", IgnoredActivityKind.NotSucceeded));
            return;
        }

        var header = new ActivityHeader(
            RequiredString(activity, at, "id"),
            RequiredTimestamp(activity, at, "recordedAt"),
            OptionalString(activity, "actors", "client", "id"));
        var resource = FirstResource(activity, at);

        switch (actionType)
        {
            case PingOneActionTypes.UserCreated:
                changes.Add(ReadUser(header, resource, at, DirectoryChangeAction.Created));
                break;
            case PingOneActionTypes.UserUpdated or PingOneActionTypes.UserModified:
                changes.Add(ReadUser(header, resource, at, DirectoryChangeAction.Updated));
                break;
            case PingOneActionTypes.UserDeleted:
                changes.Add(ReadUser(header, resource, at, DirectoryChangeAction.Deleted));
                break;
            case PingOneActionTypes.GroupCreated:
                changes.Add(ReadGroup(header, resource, at, DirectoryChangeAction.Created));
                break;
            case PingOneActionTypes.GroupUpdated:
                changes.Add(ReadGroup(header, resource, at, DirectoryChangeAction.Updated));
                break;
            case PingOneActionTypes.GroupDeleted:
                changes.Add(ReadGroup(header, resource, at, DirectoryChangeAction.Deleted));
                break;
            case PingOneActionTypes.MemberOfGroupCreated:
                changes.Add(ReadMembership(header, resource, at, MembershipChangeAction.Added));
                break;
            case PingOneActionTypes.MemberOfGroupDeleted:
                changes.Add(ReadMembership(header, resource, at, MembershipChangeAction.Removed));
                break;
        }
    }

    private static bool IsHandled(string actionType) =>
        actionType == PingOneActionTypes.UserModified || PingOneActionTypes.Handled.Contains(actionType);

    private static PingOneUserChanged ReadUser(ActivityHeader header, JsonElement resource, EventLocation at, DirectoryChangeAction action)
    {
        var path = at.Path + ".resources[0]";
        ExpectResourceType(resource, at, path, "USER");
        return new PingOneUserChanged
        {
            EventId = header.EventId,
            EnvironmentId = EnvironmentId(resource, at, path),
            UserId = RequiredString(resource, at with { Path = path }, "id"),
            UserName = OptionalString(resource, "name"),
            PopulationId = OptionalString(resource, "population", "id"),
            Action = action,
            RecordedAt = header.RecordedAt,
            ActorClientId = header.ActorClientId,
        };
    }

    private static PingOneGroupChanged ReadGroup(ActivityHeader header, JsonElement resource, EventLocation at, DirectoryChangeAction action)
    {
        var path = at.Path + ".resources[0]";
        ExpectResourceType(resource, at, path, "GROUP");
        return new PingOneGroupChanged
        {
            EventId = header.EventId,
            EnvironmentId = EnvironmentId(resource, at, path),
            GroupId = RequiredString(resource, at with { Path = path }, "id"),
            GroupName = OptionalString(resource, "name"),
            Action = action,
            RecordedAt = header.RecordedAt,
            ActorClientId = header.ActorClientId,
        };
    }

    private static PingOneMembershipChanged ReadMembership(ActivityHeader header, JsonElement resource, EventLocation at, MembershipChangeAction action)
    {
        var path = at.Path + ".resources[0]";
        ExpectResourceType(resource, at, path, "MEMBER_OF_GROUP");
        var href = RequiredString(resource, at with { Path = path }, "href");
        if (!PingOneResourceHref.TryParseMembership(href, out var userId, out var groupId))
        {
            throw new PingOneWebhookFormatException(
                $"a MEMBER_OF_GROUP href must end in /users/{{userId}}/memberOfGroups/{{groupId}} but is \"{href}\"", at.Index, path + ".href", at.BytePosition);
        }

        return new PingOneMembershipChanged
        {
            EventId = header.EventId,
            EnvironmentId = EnvironmentId(resource, at, path),
            UserId = userId,
            GroupId = groupId,
            GroupName = OptionalString(resource, "name"),
            Action = action,
            RecordedAt = header.RecordedAt,
            ActorClientId = header.ActorClientId,
        };
    }

    private static void ExpectResourceType(JsonElement resource, EventLocation at, string path, string expected)
    {
        var type = OptionalString(resource, "type");
        if (type is not null && !string.Equals(type, expected, StringComparison.Ordinal))
        {
            throw new PingOneWebhookFormatException(
                $"the action type needs a {expected} resource but resources[0].type is \"{type}\"", at.Index, path + ".type", at.BytePosition);
        }
    }

    private static string EnvironmentId(JsonElement resource, EventLocation at, string path) =>
        OptionalString(resource, "environment", "id")
        ?? PingOneResourceHref.EnvironmentId(OptionalString(resource, "href"))
        ?? throw new PingOneWebhookFormatException(
            "the resource has neither environment.id nor an href naming its environment", at.Index, path + ".environment.id", at.BytePosition);

    private static JsonElement FirstResource(JsonElement activity, EventLocation at)
    {
        var path = at.Path + ".resources";
        if (!activity.TryGetProperty("resources", out var resources))
        {
            throw new PingOneWebhookFormatException("resources is missing", at.Index, path, at.BytePosition);
        }

        if (resources.ValueKind != JsonValueKind.Array || resources.GetArrayLength() == 0)
        {
            throw new PingOneWebhookFormatException($"resources must be a non-empty array but is {Describe(resources)}", at.Index, path, at.BytePosition);
        }

        var first = resources[0];
        if (first.ValueKind != JsonValueKind.Object)
        {
            throw new PingOneWebhookFormatException($"resources[0] must be an object but is {Describe(first)}", at.Index, path + "[0]", at.BytePosition);
        }

        return first;
    }

    private static DateTimeOffset RequiredTimestamp(JsonElement element, EventLocation at, string name)
    {
        var text = RequiredString(element, at, name);
        if (!element.GetProperty(name).TryGetDateTimeOffset(out var value))
        {
            throw new PingOneWebhookFormatException($"{name} must be an ISO-8601 timestamp but is \"{text}\"", at.Index, $"{at.Path}.{name}", at.BytePosition);
        }

        return value;
    }

    private static string RequiredString(JsonElement element, EventLocation at, params string[] names)
    {
        var path = $"{at.Path}.{string.Join('.', names)}";
        if (!TryNavigate(element, names, out var value) || value.ValueKind is JsonValueKind.Null)
        {
            throw new PingOneWebhookFormatException($"{string.Join('.', names)} is missing", at.Index, path, at.BytePosition);
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new PingOneWebhookFormatException(
                $"{string.Join('.', names)} must be a non-empty string but is {Describe(value)}", at.Index, path, at.BytePosition);
        }

        return value.GetString()!;
    }

    private static string? OptionalString(JsonElement element, params string[] names) =>
        TryNavigate(element, names, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static bool TryNavigate(JsonElement element, string[] names, out JsonElement value)
    {
        value = element;
        foreach (var name in names)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "an empty string",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "an empty array" : "an array",
        _ => $"a JSON {value.ValueKind.ToString().ToLowerInvariant()}",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static long AbsolutePosition(ReadOnlySpan<byte> body, long lineNumber, long? bytePositionInLine)
    {
        long position = 0;
        for (var line = 0L; line < lineNumber; line++)
        {
            var next = body[(int)position..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            position += next + 1;
        }

        return position + (bytePositionInLine ?? 0);
    }

    /// <summary>Collects one delivery's outcome; in strict mode a malformed event fails the batch as before.</summary>
    private sealed class BatchBuilder(bool setAsideMalformed)
    {
        public List<object> Changes { get; } = [];

        public List<IgnoredActivity> Ignored { get; } = [];

        public List<MalformedActivity> Malformed { get; } = [];

        public void Read(JsonElement activity, EventLocation at)
        {
            try
            {
                Interpret(activity, at, Changes, Ignored);
            }
            catch (PingOneWebhookFormatException problem)
            {
                SetAside(at.Index, OptionalString(activity, "id"), OptionalString(activity, "action", "type"), activity.GetRawText(), problem);
            }
        }

        public void SetAside(int index, string? eventId, string? actionType, string raw, PingOneWebhookFormatException problem)
        {
            if (!setAsideMalformed)
            {
                throw problem;
            }

            Malformed.Add(new MalformedActivity(index, eventId, actionType, raw, problem.Message));
        }
    }
}
