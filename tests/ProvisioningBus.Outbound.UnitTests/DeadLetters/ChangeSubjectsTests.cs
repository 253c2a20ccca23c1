using System.Text;
using ProvisioningBus.Core.DeadLetters;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Outbound.UnitTests.DeadLetters;

public sealed class ChangeSubjectsTests
{
    private static readonly OutboundOptions Rules = new()
    {
        Rules =
        {
            ["everyone"] = new OutboundRuleOptions { SourceEnvironmentId = "env-a", TargetConnection = "demo", GroupsToPush = ["g-1"] },
            ["no-groups"] = new OutboundRuleOptions { SourceEnvironmentId = "env-a", TargetConnection = "demo" },
            ["switched-off"] = new OutboundRuleOptions { SourceEnvironmentId = "env-a", TargetConnection = "demo", Enabled = false },
            ["elsewhere"] = new OutboundRuleOptions { SourceEnvironmentId = "env-b", TargetConnection = "demo" },
        },
    };

    [Fact]
    public void A_user_change_belongs_to_every_enabled_rule_of_its_environment_under_its_username()
    {
        var subject = Describe("PingOneUserChanged", """{"environmentId":"env-a","userId":"u-1","userName":"alice"}""", "user-changes");

        Assert.NotNull(subject);
        Assert.Equal((EntityKind.User, "u-1", "alice"), (subject.Kind, subject.EntityId, subject.DisplayName));
        Assert.Equal(["everyone", "no-groups"], subject.Rules);
        Assert.True(subject.Matches("no-groups", "u-1"));
        Assert.False(subject.Matches("elsewhere", null));
    }

    [Fact]
    public void A_membership_change_is_its_users_on_the_user_queue_and_its_groups_elsewhere_and_matches_either_id()
    {
        const string membership = """{"environmentId":"env-a","userId":"u-1","groupId":"g-1","groupName":"Sales"}""";

        var asUser = Describe("PingOneMembershipChanged", membership, "user-changes");
        var asGroup = Describe("PingOneMembershipChanged", membership, "membership-changes");

        Assert.Equal((EntityKind.User, "u-1", "u-1"), (asUser!.Kind, asUser.EntityId, asUser.DisplayName));
        Assert.Equal((EntityKind.Group, "g-1", "Sales"), (asGroup!.Kind, asGroup.EntityId, asGroup.DisplayName));
        Assert.Equal(["everyone"], asGroup.Rules);
        Assert.True(asGroup.Matches(null, "u-1"));
    }

    [Fact]
    public void An_inbound_change_names_its_rule_and_the_Docusign_user_by_email()
    {
        var subject = Describe("DocusignUserChanged", """{"ruleName":"back","docusignUserId":"d-9","current":{"email":"x@example.com"}}""", "docusign-user-changes");

        Assert.Equal((EntityKind.User, "d-9", "x@example.com"), (subject!.Kind, subject.EntityId, subject.DisplayName));
        Assert.Equal(["back"], subject.Rules);
    }

    [Theory]
    [InlineData("PingOneUserChanged", """{"environmentId":"env-a","userId":"u-1","eventId":"e-1","action":"Deleted"}""", "delete")]
    [InlineData("PingOneUserChanged", """{"environmentId":"env-a","userId":"u-1","eventId":"e-1","action":0}""", "create")]
    [InlineData("PingOneGroupChanged", """{"environmentId":"env-a","groupId":"g-1","eventId":"e-1","action":"updated"}""", "update")]
    [InlineData("PingOneMembershipChanged", """{"environmentId":"env-a","userId":"u-1","groupId":"g-1","eventId":"e-1","action":"Removed"}""", "remove")]
    [InlineData("PingOneMembershipChanged", """{"environmentId":"env-a","userId":"u-1","groupId":"g-1","eventId":"e-1","action":"Added"}""", "add")]
    [InlineData("PingOneUserChanged", """{"environmentId":"env-a","userId":"u-1","eventId":"e-1","action":"Renamed"}""", null)]
    public void An_outbound_change_names_what_it_was_and_its_PingOne_event_for_the_log(string type, string message, string? action)
    {
        var subject = Describe(type, message, "membership-changes");

        Assert.Equal((action, "e-1", false), (subject!.Action, subject.EventId, subject.Inbound));
    }

    [Fact]
    public void An_inbound_change_names_what_it_was_and_its_message_as_the_event()
    {
        var body = """{"messageId":"m-7","messageType":["urn:message:ProvisioningBus.Contracts:DocusignUserDisappeared"],"message":{"ruleName":"back","docusignUserId":"d-9","lastKnown":{"email":"x@example.com"}}}""";

        var subject = ChangeSubjects.Describe(Encoding.UTF8.GetBytes(body), "docusign-user-changes", Rules);

        Assert.Equal(("delete", "m-7", true), (subject!.Action, subject.EventId, subject.Inbound));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"messageType":[],"message":{}}""")]
    [InlineData("""{"messageType":["urn:message:ProvisioningBus.Contracts:SyncRule"],"message":{"ruleName":"r"}}""")]
    public void A_body_that_is_not_an_entity_change_has_no_subject(string body) =>
        Assert.Null(ChangeSubjects.Describe(Encoding.UTF8.GetBytes(body), "user-changes", Rules));

    private static ChangeSubject? Describe(string type, string message, string queue) =>
        ChangeSubjects.Describe(Encoding.UTF8.GetBytes($$"""{"messageType":["urn:message:ProvisioningBus.Contracts:{{type}}"],"message":{{message}}}"""), queue, Rules);
}
