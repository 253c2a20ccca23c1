using PingOne.Emulator.Directory;
using ProvisioningBus.Contracts;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.Outbound.Resync;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.IntegrationTests.Outbound;

[Collection(RabbitMqCollection.Name)]
public sealed class ResyncLogTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_resyncs_writes_are_logged_by_their_planned_kind_with_the_attributes_and_resync_for_reason()
    {
        const string Rule = "resync-log";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var pingOne = testbed.PingOne.State;
        var kept = pingOne.CreateUser("kept", "kept@example.com", new EmulatedUserName("Kept", "User"), title: "Analyst");
        await testbed.WaitForUserAsync(Rule, kept.Email!, _ => true, "the user is provisioned");
        await testbed.PingOne.WaitForDeliveryAsync(Timeout);
        await Eventually.MatchesAsync(
            () => testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, kept.Id, default), outcome => outcome?.Outcome == SyncOutcome.Success, Timeout, "the provisioning is recorded");

        // Webhooks lost: only the resync sees these changes.
        testbed.PingOne.SetSubscriptionEnabled(testbed.SubscriptionId, false);
        pingOne.UpdateUser(kept.Id, new EmulatedUserChanges { Title = "Director" });
        var added = pingOne.CreateUser("added", "added@example.com", new EmulatedUserName("Added", "User"));
        var previous = (await testbed.Store.SyncRuns.GetLatestAsync(Rule, default))?.RunId;
        await testbed.PublishAsync(new SyncRule { RuleName = Rule, Kind = SyncKind.FullResync, RequestedBy = "test", RequestedAt = DateTimeOffset.UtcNow });
        await Eventually.MatchesAsync(
            () => testbed.Store.SyncRuns.GetLatestAsync(Rule, default),
            run => run is { Kind: SyncRunKind.FullResync, Status: not SyncRunStatus.Running } && run.RunId != previous,
            Timeout,
            "the requested full resync completes");

        var update = await LineAsync(testbed, Rule, kept.Id, "update");
        var create = await LineAsync(testbed, Rule, added.Id, "create");
        foreach (var line in new[] { update, create })
        {
            Assert.Equal((ProvisioningLogValues.Success, null, ResyncChangeDetail.Reason), (line.Outcome, line.EventId, line.Reason));
        }

        Assert.Equal(["jobTitle"], update.ChangedAttributes);
        Assert.Contains("email", create.ChangedAttributes);
        Assert.DoesNotContain("Director", update.ToString(), StringComparison.Ordinal);
    }

    private static async Task<ProvisioningLogEntry> LineAsync(OutboundTestbed testbed, string rule, string userId, string action) =>
        (await Eventually.MatchesAsync(
            async () => (await testbed.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(rule, userId), CancellationToken.None)).Entries,
            entries => entries.Any(entry => entry.Action == action && entry.Reason is not null),
            Timeout,
            $"the resync's {action} of {userId} is logged"))
        .First(entry => entry.Action == action && entry.Reason is not null);
}
