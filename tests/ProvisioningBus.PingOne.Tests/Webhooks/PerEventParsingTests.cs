using System.Text;
using ProvisioningBus.Contracts;
using ProvisioningBus.PingOne.Webhooks;

namespace ProvisioningBus.PingOne.Tests.Webhooks;

public sealed class PerEventParsingTests
{
    private readonly PingOneActivityParser parser = new();

    [Fact]
    public void A_malformed_event_is_set_aside_with_its_raw_json_and_reason_and_the_others_become_changes()
    {
        var noEnvironment = """{"id":"bad-1","recordedAt":"2025-01-01T00:00:00Z","action":{"type":"USER.CREATED"},"resources":[{"type":"USER","id":"u-2"}],"result":{"status":"SUCCESS"}}""";
        var body = "[" + User("good-1", "u-1") + "," + noEnvironment + "," + User("good-2", "u-3") + "]";

        var batch = parser.ParseEachEvent(Encoding.UTF8.GetBytes(body), isNdJson: false);

        Assert.Equal(["u-1", "u-3"], batch.Changes.Cast<PingOneUserChanged>().Select(change => change.UserId));
        var malformed = Assert.Single(batch.Malformed);
        Assert.Equal(1, malformed.Index);
        Assert.Equal("bad-1", malformed.EventId);
        Assert.Equal("USER.CREATED", malformed.ActionType);
        Assert.Equal(noEnvironment, malformed.RawJson);
        Assert.Contains("environment", malformed.Reason, StringComparison.Ordinal);
        Assert.Equal(3, batch.EventCount);
    }

    [Fact]
    public void An_nd_json_line_that_is_not_json_is_set_aside_whole()
    {
        var body = User("good-1", "u-1") + "\n{not json\n" + User("good-2", "u-2") + "\n";

        var batch = parser.ParseEachEvent(Encoding.UTF8.GetBytes(body), isNdJson: true);

        Assert.Equal(2, batch.Changes.Count);
        var malformed = Assert.Single(batch.Malformed);
        Assert.Equal("{not json", malformed.RawJson);
        Assert.Equal(1, malformed.Index);
    }

    [Fact]
    public void A_body_that_cannot_be_split_into_events_still_fails_whole()
    {
        var body = "[" + User("good-1", "u-1") + ", {\"id\": ";

        Assert.Throws<PingOneWebhookFormatException>(() => parser.ParseEachEvent(Encoding.UTF8.GetBytes(body), isNdJson: false));
    }

    private static string User(string eventId, string userId) =>
        $$$"""{"id":"{{{eventId}}}","recordedAt":"2025-01-01T00:00:00Z","action":{"type":"USER.CREATED"},"resources":[{"type":"USER","id":"{{{userId}}}","environment":{"id":"env-1"}}],"result":{"status":"SUCCESS"}}""";
}
