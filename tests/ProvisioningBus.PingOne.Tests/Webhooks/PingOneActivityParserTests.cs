using System.Text;
using ProvisioningBus.Contracts;
using ProvisioningBus.PingOne.Webhooks;

namespace ProvisioningBus.PingOne.Tests.Webhooks;

public sealed class PingOneActivityParserTests
{
    private readonly PingOneActivityParser _parser = new();

    [Fact]
    public void Webhook_delivered_access_event_is_ignored_as_an_unhandled_action_type()
    {
        var batch = _parser.Parse(FactSheetExamples.Array(FactSheetExamples.WebhookDelivered), isNdJson: false);

        Assert.Empty(batch.Changes);
        var ignored = Assert.Single(batch.Ignored);
        Assert.Equal(new IgnoredActivity("<eventId>", "USER.ACCESS_ALLOWED", "unhandled action type", IgnoredActivityKind.UnhandledType), ignored);
    }

    [Fact]
    public void Webhook_delivered_shape_with_a_user_update_becomes_a_user_change_with_the_clients_id_as_actor()
    {
        var updated = FactSheetExamples.WebhookDelivered.Replace("USER.ACCESS_ALLOWED", "USER.UPDATED", StringComparison.Ordinal);

        var batch = _parser.Parse(FactSheetExamples.Array(updated), isNdJson: false);

        var change = Assert.IsType<PingOneUserChanged>(Assert.Single(batch.Changes));
        Assert.Equal("<eventId>", change.EventId);
        Assert.Equal("<env>", change.EnvironmentId);
        Assert.Equal("<uid>", change.UserId);
        Assert.Equal("example@gmail.com", change.UserName);
        Assert.Equal("<pop>", change.PopulationId);
        Assert.Equal("<app>", change.ActorClientId);
        Assert.Equal(DirectoryChangeAction.Updated, change.Action);
        Assert.Equal(new DateTimeOffset(2022, 8, 8, 15, 31, 8, 237, TimeSpan.Zero), change.RecordedAt);
    }

    [Fact]
    public void Audit_shaped_enable_toggle_is_a_user_update()
    {
        var batch = _parser.Parse(FactSheetExamples.Array(FactSheetExamples.AuditUserUpdated), isNdJson: false);

        var change = Assert.IsType<PingOneUserChanged>(Assert.Single(batch.Changes));
        Assert.Equal("…", change.EventId);
        Assert.Equal(DirectoryChangeAction.Updated, change.Action);
        Assert.Equal("<uid>", change.UserId);
        Assert.Equal("jhbjhb", change.UserName);
        Assert.Equal("<pop>", change.PopulationId);
        Assert.Equal("<env>", change.EnvironmentId);
        Assert.Equal("adminui", change.ActorClientId);
        Assert.Equal(new DateTimeOffset(2022, 7, 13, 17, 25, 28, 877, TimeSpan.Zero), change.RecordedAt);
    }

    [Fact]
    public void Member_of_group_created_takes_user_and_group_ids_from_the_href()
    {
        var batch = _parser.Parse(FactSheetExamples.Array(FactSheetExamples.AuditMemberOfGroupCreated), isNdJson: false);

        var change = Assert.IsType<PingOneMembershipChanged>(Assert.Single(batch.Changes));
        Assert.Equal("<userId>", change.UserId);
        Assert.Equal("<groupId>", change.GroupId);
        Assert.Equal("new", change.GroupName);
        Assert.Equal("<env>", change.EnvironmentId);
        Assert.Equal(MembershipChangeAction.Added, change.Action);
        Assert.Equal("evt-1", change.EventId);
    }

    [Fact]
    public void Member_of_group_deleted_is_a_removal()
    {
        var deleted = FactSheetExamples.AuditMemberOfGroupCreated
            .Replace("MEMBER_OF_GROUP.CREATED", "MEMBER_OF_GROUP.DELETED", StringComparison.Ordinal);

        var batch = _parser.Parse(FactSheetExamples.Array(deleted), isNdJson: false);

        Assert.Equal(MembershipChangeAction.Removed, Assert.IsType<PingOneMembershipChanged>(Assert.Single(batch.Changes)).Action);
    }

    [Fact]
    public void Group_created_carries_the_group_name()
    {
        var batch = _parser.Parse(FactSheetExamples.Array(FactSheetExamples.AuditGroupCreated), isNdJson: false);

        var change = Assert.IsType<PingOneGroupChanged>(Assert.Single(batch.Changes));
        Assert.Equal("<gid>", change.GroupId);
        Assert.Equal("Managers", change.GroupName);
        Assert.Equal("<env>", change.EnvironmentId);
        Assert.Equal(DirectoryChangeAction.Created, change.Action);
        Assert.Equal("adminui", change.ActorClientId);
    }

    [Fact]
    public void User_deleted_keeps_the_last_known_population()
    {
        var batch = _parser.Parse(FactSheetExamples.Array(FactSheetExamples.AuditUserDeleted), isNdJson: false);

        var change = Assert.IsType<PingOneUserChanged>(Assert.Single(batch.Changes));
        Assert.Equal(DirectoryChangeAction.Deleted, change.Action);
        Assert.Equal("<pop>", change.PopulationId);
        Assert.Equal("jhbjhb", change.UserName);
    }

    [Fact]
    public void Changes_keep_the_order_of_the_batch_and_ignored_events_do_not_shift_them()
    {
        var batch = _parser.Parse(
            FactSheetExamples.Array(
                FactSheetExamples.AuditGroupCreated,
                FactSheetExamples.WebhookDelivered,
                FactSheetExamples.AuditUserUpdated,
                FactSheetExamples.AuditMemberOfGroupCreated,
                FactSheetExamples.AuditUserDeleted),
            isNdJson: false);

        Assert.Collection(
            batch.Changes,
            c => Assert.IsType<PingOneGroupChanged>(c),
            c => Assert.IsType<PingOneUserChanged>(c),
            c => Assert.IsType<PingOneMembershipChanged>(c),
            c => Assert.Equal(DirectoryChangeAction.Deleted, Assert.IsType<PingOneUserChanged>(c).Action));
        Assert.Single(batch.Ignored);
    }

    [Fact]
    public void User_modified_from_the_docs_example_is_treated_as_an_update()
    {
        var modified = FactSheetExamples.AuditUserUpdated.Replace("USER.UPDATED", "USER.MODIFIED", StringComparison.Ordinal);

        var batch = _parser.Parse(FactSheetExamples.Array(modified), isNdJson: false);

        Assert.Equal(DirectoryChangeAction.Updated, Assert.IsType<PingOneUserChanged>(Assert.Single(batch.Changes)).Action);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("FAILURE")]
    public void Events_whose_result_is_not_success_are_ignored(string status)
    {
        var failed = FactSheetExamples.AuditUserUpdated.Replace("\"status\":\"SUCCESS\"", $"\"status\":\"{status}\"", StringComparison.Ordinal);

        var batch = _parser.Parse(FactSheetExamples.Array(failed), isNdJson: false);

        Assert.Empty(batch.Changes);
        Assert.Equal($"result.status is {status}", Assert.Single(batch.Ignored).Reason);
    }

    [Theory]
    [InlineData("PASSWORD.RESET")]
    [InlineData("ROLE_ASSIGNMENT.CREATED")]
    [InlineData("PROVISIONING_RULE.UPDATED")]
    public void Other_action_types_are_ignored_even_with_resources_we_do_not_understand(string actionType)
    {
        var body = Encoding.UTF8.GetBytes($$"""[{"id":"e1","action":{"type":"{{actionType}}"},"resources":[{"type":"SOMETHING"}]}]""");

        var batch = _parser.Parse(body, isNdJson: false);

        Assert.Empty(batch.Changes);
        Assert.Equal(new IgnoredActivity("e1", actionType, "unhandled action type", IgnoredActivityKind.UnhandledType), Assert.Single(batch.Ignored));
    }

    [Fact]
    public void Environment_falls_back_to_the_href_when_the_resource_has_no_environment()
    {
        var body = Encoding.UTF8.GetBytes("""
            [{"id":"e1","recordedAt":"2024-01-01T00:00:00Z","action":{"type":"GROUP.DELETED"},
              "resources":[{"type":"GROUP","id":"g1","name":"Old","href":"https://api.pingone.eu/v1/environments/env-9/groups/g1"}],
              "result":{"status":"SUCCESS"}}]
            """);

        var change = Assert.IsType<PingOneGroupChanged>(Assert.Single(_parser.Parse(body, isNdJson: false).Changes));

        Assert.Equal("env-9", change.EnvironmentId);
        Assert.Null(change.ActorClientId);
    }

    [Fact]
    public void An_empty_array_is_an_empty_batch()
    {
        var batch = _parser.Parse("  [ ]  "u8, isNdJson: false);

        Assert.Empty(batch.Changes);
        Assert.Empty(batch.Ignored);
    }

    [Fact]
    public void Nd_json_reads_one_event_per_line_in_order()
    {
        var body = FactSheetExamples.NdJson(FactSheetExamples.AuditGroupCreated, FactSheetExamples.AuditUserDeleted, FactSheetExamples.WebhookDelivered);

        var batch = _parser.Parse(body, isNdJson: true);

        Assert.Collection(
            batch.Changes,
            c => Assert.IsType<PingOneGroupChanged>(c),
            c => Assert.IsType<PingOneUserChanged>(c));
        Assert.Single(batch.Ignored);
    }

    [Theory]
    [InlineData("application/x-ndjson", true)]
    [InlineData("application/x-ndjson; charset=utf-8", true)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Content_type_chooses_the_framing(string? contentType, bool isNdJson) =>
        Assert.Equal(isNdJson, PingOneActivityParser.IsNdJson(contentType));

    [Fact]
    public void Verbatim_elided_example_is_rejected_because_it_has_no_id()
    {
        var body = FactSheetExamples.Array(FactSheetExamples.AuditShaped[3]);

        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse(body, isNdJson: false));

        Assert.Equal("$[0].id", error.JsonPath);
        Assert.Equal(0, error.EventIndex);
        Assert.Contains("id is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("event 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_rejected_with_its_byte_position()
    {
        var body = "[{\"id\":\"e1\",}\n]"u8.ToArray();

        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse(body, isNdJson: false));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(12, error.BytePosition);
        Assert.Contains("byte 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_object_instead_of_an_array_is_rejected()
    {
        var body = Encoding.UTF8.GetBytes(FactSheetExamples.AuditUserUpdated);

        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse(body, isNdJson: false));

        Assert.Contains("expected a JSON array", error.Message, StringComparison.Ordinal);
        Assert.Equal("$", error.JsonPath);
    }

    [Fact]
    public void An_array_element_that_is_not_an_object_is_rejected_at_its_position()
    {
        var body = "[{\"id\":\"x\",\"action\":{\"type\":\"PASSWORD.RESET\"}}, 42]"u8.ToArray();

        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse(body, isNdJson: false));

        Assert.Equal(1, error.EventIndex);
        Assert.Equal("$[1]", error.JsonPath);
        Assert.Equal(Array.IndexOf(body, (byte)'4'), error.BytePosition);
    }

    [Fact]
    public void Trailing_content_after_the_array_is_rejected()
    {
        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse("[] x"u8, isNdJson: false));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_without_action_type_is_rejected()
    {
        var body = "[{\"id\":\"e1\",\"action\":{}}]"u8.ToArray();

        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse(body, isNdJson: false));

        Assert.Equal("$[0].action.type", error.JsonPath);
    }

    [Fact]
    public void A_handled_event_without_recorded_at_is_rejected_with_the_events_byte_position()
    {
        var noTime = FactSheetExamples.AuditGroupCreated.Replace("\"recordedAt\":\"2022-07-13T17:25:28.877Z\",", string.Empty, StringComparison.Ordinal);
        var body = FactSheetExamples.Array(FactSheetExamples.AuditUserUpdated, noTime);

        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse(body, isNdJson: false));

        Assert.Equal(1, error.EventIndex);
        Assert.Equal("$[1].recordedAt", error.JsonPath);
        var secondEventStart = Encoding.UTF8.GetByteCount("[" + FactSheetExamples.AuditUserUpdated + ",\n");
        Assert.Equal(secondEventStart, error.BytePosition);
    }

    [Fact]
    public void A_recorded_at_that_is_not_a_timestamp_is_rejected()
    {
        var badTime = FactSheetExamples.AuditUserUpdated.Replace("2022-07-13T17:25:28.877Z", "yesterday", StringComparison.Ordinal);

        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse(FactSheetExamples.Array(badTime), isNdJson: false));

        Assert.Equal("$[0].recordedAt", error.JsonPath);
    }

    [Fact]
    public void A_handled_event_with_no_resources_is_rejected()
    {
        var body = "[{\"id\":\"e1\",\"recordedAt\":\"2024-01-01T00:00:00Z\",\"action\":{\"type\":\"USER.CREATED\"},\"resources\":[],\"result\":{\"status\":\"SUCCESS\"}}]"u8.ToArray();

        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse(body, isNdJson: false));

        Assert.Equal("$[0].resources", error.JsonPath);
        Assert.Contains("non-empty array", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.pingone.asia/v1/environments/<env>/users/<userId>")]
    [InlineData("https://api.pingone.asia/v1/environments/<env>/groups/<groupId>/memberOfGroups/<groupId>")]
    [InlineData("https://api.pingone.asia/v1/environments/<env>/users/<userId>/memberOfGroups")]
    public void A_membership_href_of_the_wrong_shape_is_rejected(string href)
    {
        var bad = FactSheetExamples.AuditMemberOfGroupCreated.Replace(
            "https://api.pingone.asia/v1/environments/<env>/users/<userId>/memberOfGroups/<groupId>", href, StringComparison.Ordinal);

        var error = Assert.Throws<PingOneWebhookFormatException>(
            () => _parser.Parse(FactSheetExamples.Array(FactSheetExamples.AuditGroupCreated, bad), isNdJson: false));

        Assert.Equal("$[1].resources[0].href", error.JsonPath);
        Assert.Contains("/users/{userId}/memberOfGroups/{groupId}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_of_the_wrong_type_for_the_action_is_rejected()
    {
        var mislabelled = FactSheetExamples.AuditGroupCreated.Replace("\"type\":\"GROUP\"", "\"type\":\"USER\"", StringComparison.Ordinal);

        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse(FactSheetExamples.Array(mislabelled), isNdJson: false));

        Assert.Equal("$[0].resources[0].type", error.JsonPath);
    }

    [Fact]
    public void A_bad_nd_json_line_is_rejected_with_its_line_and_byte_position()
    {
        var first = FactSheetExamples.AuditGroupCreated.ReplaceLineEndings(" ");
        var body = Encoding.UTF8.GetBytes(first + "\n{not json}\n");

        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse(body, isNdJson: true));

        Assert.Equal(1, error.EventIndex);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(first + "\n") + 1, error.BytePosition);
    }

    [Fact]
    public void An_nd_json_line_holding_an_array_is_rejected()
    {
        var error = Assert.Throws<PingOneWebhookFormatException>(() => _parser.Parse("[]\n"u8, isNdJson: true));

        Assert.Contains("one event object per line", error.Message, StringComparison.Ordinal);
    }
}
