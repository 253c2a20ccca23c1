using System.Text.Json;
using PingOne.Emulator.Directory;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Status;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>
/// A connection whose rights are refused (the consenting user is no longer an account administrator, so Docusign answers
/// USER_LACKS_PERMISSIONS) is quarantined instead of failing its changes into <c>_error</c>: the status says so and when
/// it tries again, operators are notified, the changes wait (handed back to their queue past the hold limit), and once the
/// rights are restored every one of them is applied.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ConnectionQuarantineTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Refused_rights_quarantine_the_connection_and_its_changes_are_applied_after_the_fix_with_nothing_in_error()
    {
        const string Rule = "quarantined";
        await using var notifications = await WebhookReceiver.StartAsync();
        await using var testbed = await OutboundTestbed.StartAsync(
            broker,
            new Dictionary<string, RuleSetup> { [Rule] = new(Rule) },
            extraSettings: new Dictionary<string, string?>
            {
                ["Resilience:Quarantine:FailuresBeforeQuarantine"] = "2",
                ["Resilience:Quarantine:FirstBackoff"] = "00:00:01",
                ["Resilience:Quarantine:MaxBackoff"] = "00:00:02",
                // Shorter than the quarantine below, so changes are also handed back to their queue while they wait.
                ["Resilience:Quarantine:HoldLimit"] = "00:00:03",
                ["Resilience:Quarantine:PollInterval"] = "00:00:00.200",
                ["Notifications:WebhookUrl"] = notifications.Url.ToString(),
            });
        var docusign = testbed.Docusign(Rule).State;
        docusign.TokenUserIsAdmin = false;
        var emails = Enumerable.Range(1, 5).Select(i => $"waiting{i}@example.com").ToList();
        foreach (var email in emails)
        {
            testbed.PingOne.State.CreateUser(email.Split('@')[0], email, new EmulatedUserName("Waiting", email.Split('@')[0]));
        }

        var quarantined = await Eventually.MatchesAsync(
            () => testbed.StatusAsync(Rule), status => status?.Status == RuleSyncState.Quarantined, Timeout, "the rule shows its connection quarantined");
        Assert.Contains("USER_LACKS_PERMISSIONS", quarantined!.StatusReason, StringComparison.Ordinal);
        Assert.Contains("next attempt at", quarantined.StatusReason, StringComparison.Ordinal);
        await notifications.WaitUntilAsync(posts => posts.Any(post => Event(post) == "connection.quarantined"), Timeout);

        // Several tries fail (and holds run out) while the rights stay refused: nothing is written, nothing is dropped.
        await Eventually.MatchesAsync(
            async () => (await ConnectionQuarantineState.ReadAsync(testbed.Store.SharedCounters, Rule, default)).State,
            state => state?.FailedTries >= 4,
            Timeout,
            "the connection stays quarantined through several failed tries");
        Assert.All(emails, email => Assert.Empty(testbed.UsersByEmail(Rule, email)));
        Assert.Equal(RuleSyncState.Quarantined, (await testbed.StatusAsync(Rule))!.Status);

        docusign.TokenUserIsAdmin = true;
        foreach (var email in emails)
        {
            await testbed.WaitForUserAsync(Rule, email, user => user.UserStatus is "ActivationSent" or "Active", "the change that waited is applied after the fix");
        }

        var recovered = await Eventually.MatchesAsync(
            () => testbed.StatusAsync(Rule), status => status?.Status == RuleSyncState.Active, Timeout, "the quarantine is lifted");
        Assert.Empty(recovered!.RecentFailures);
        await notifications.WaitUntilAsync(posts => posts.Any(post => Event(post) == "connection.recovered"), Timeout);
        Assert.All(emails, email => Assert.Single(testbed.UsersByEmail(Rule, email)));
        var errors = await testbed.VirtualHost.ErrorQueueMessagesAsync();
        Assert.True(errors.Values.Sum() == 0, $"error queues hold {string.Join(", ", errors.Select(queue => $"{queue.Key}={queue.Value}"))}");
    }

    private static string? Event(ReceivedPost post) =>
        JsonDocument.Parse(post.Body).RootElement.GetProperty("event").GetString();
}
