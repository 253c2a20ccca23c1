using PingOne.Emulator.Directory;
using ProvisioningBus.Contracts;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.Outbound.Resync;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;
using ProvisioningBus.State.Runs;
using Xunit.Abstractions;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>Issue 14: a full resync's counts say what happened to each user, once.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ResyncRunCountsTests(RabbitMqFixture broker, ITestOutputHelper output)
{
    [Fact]
    public async Task A_full_resync_counts_created_adopted_updated_unchanged_and_closed_users_exactly()
    {
        const string Rule = "counts";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [Rule] = new(Rule, new Dictionary<string, string?>
            {
                ["Scope:Conditions:0:Attribute"] = "title",
                ["Scope:Conditions:0:Value"] = "Engineer",
            }),
        });
        var pingOne = testbed.PingOne.State;

        // Provisioned by their events: linked and in sync before the resync.
        var linked = Enumerable.Range(1, 4)
            .Select(i => pingOne.CreateUser($"linked{i}", $"linked{i}@example.com", new EmulatedUserName("Linked", $"User{i}"), title: "Engineer"))
            .ToList();
        foreach (var user in linked)
        {
            await Eventually.MatchesAsync(
                () => testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, user.Id, default),
                outcome => outcome?.Outcome == SyncOutcome.Success,
                TimeSpan.FromSeconds(30),
                $"{user.Email} is provisioned by its event");
        }

        await testbed.PingOne.WaitForDeliveryAsync(TimeSpan.FromSeconds(30));

        // From here on webhooks are lost: only the resync sees what changes.
        testbed.PingOne.SetSubscriptionEnabled(testbed.SubscriptionId, false);
        pingOne.UpdateUser(linked[2].Id, new EmulatedUserChanges { Name = new EmulatedUserName("Linked", "Renamed") });
        pingOne.UpdateUser(linked[3].Id, new EmulatedUserChanges { Title = "Sales" });
        var created = Enumerable.Range(1, 3)
            .Select(i => pingOne.CreateUser($"new{i}", $"new{i}@example.com", new EmulatedUserName("New", $"User{i}"), title: "Engineer"))
            .ToList();
        var existing = Enumerable.Range(1, 2)
            .Select(i => testbed.Docusign(Rule).State.SeedUser($"Old Name{i}", $"existing{i}@example.com", "Old", $"Name{i}", "Intern"))
            .ToList();
        var adopted = Enumerable.Range(1, 2)
            .Select(i => pingOne.CreateUser($"existing{i}", $"existing{i}@example.com", new EmulatedUserName("Existing", $"User{i}"), title: "Engineer"))
            .ToList();
        var outOfScope = Enumerable.Range(1, 2)
            .Select(i => pingOne.CreateUser($"sales{i}", $"sales{i}@example.com", new EmulatedUserName("Sales", $"User{i}"), title: "Sales"))
            .ToList();

        var previous = (await testbed.Store.SyncRuns.GetLatestAsync(Rule, default))?.RunId;
        await testbed.PublishAsync(new SyncRule { RuleName = Rule, Kind = SyncKind.FullResync, RequestedBy = "test", RequestedAt = DateTimeOffset.UtcNow });
        var run = await Eventually.MatchesAsync(
            () => testbed.Store.SyncRuns.GetLatestAsync(Rule, default),
            r => r is { Kind: SyncRunKind.FullResync, Status: not SyncRunStatus.Running } && r.RunId != previous,
            TimeSpan.FromSeconds(30),
            "the requested full resync completes");
        output.WriteLine($"resync counts: {run!.Counts}");

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        // 2 linked and unchanged, 1 linked and renamed, 1 linked that left the scope, 3 new, 2 found in Docusign by
        // email; the 2 users never in scope are no business of the rule.
        Assert.Equal(new SyncRunCounts { Created = 3, Adopted = 2, Updated = 1, Unchanged = 2, Closed = 1 }, run.Counts);
        // The close is in the provisioning log too, though the ledger forgets the user.
        var closeLine = await Eventually.MatchesAsync<ProvisioningLogEntry?>(
            async () => (await testbed.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(Rule, linked[3].Id), default)).Entries.FirstOrDefault(entry => entry.Action == "close"),
            entry => entry is not null,
            TimeSpan.FromSeconds(30),
            "the resync's close of the user who left the scope is logged");
        Assert.Equal((ProvisioningLogValues.Success, ResyncChangeDetail.Reason), (closeLine!.Outcome, closeLine.Reason));
        for (var i = 0; i < existing.Count; i++)
        {
            var user = Assert.Single(testbed.UsersByEmail(Rule, adopted[i].Email!));
            Assert.Equal((existing[i].UserId, "Engineer"), (user.UserId, user.JobTitle));
        }

        Assert.All(created, user => Assert.Single(testbed.UsersByEmail(Rule, user.Email!)));
        Assert.Equal("Closed", Assert.Single(testbed.UsersByEmail(Rule, linked[3].Email!)).UserStatus);
        Assert.All(outOfScope, user => Assert.Empty(testbed.UsersByEmail(Rule, user.Email!)));
    }

    [Fact]
    public async Task A_user_a_live_change_provisions_while_the_resync_runs_counts_as_created_not_skipped()
    {
        const string Rule = "racing";
        await using var testbed = await OutboundTestbed.StartAsync(
            broker,
            new Dictionary<string, RuleSetup> { [Rule] = new(Rule) },
            // The resync waits for a held user long enough for the test to play the live change that holds it.
            extraSettings: new Dictionary<string, string?> { ["Leases:ResyncUserWait"] = "00:01:00" });
        var pingOne = testbed.PingOne.State;
        var settled = pingOne.CreateUser("settled", "settled@example.com", new EmulatedUserName("Settled", "User"));
        var provisioned = await Eventually.MatchesAsync(
            () => testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, settled.Id, default),
            outcome => outcome?.Outcome == SyncOutcome.Success,
            TimeSpan.FromSeconds(30),
            "the first user is provisioned by its event");
        await testbed.PingOne.WaitForDeliveryAsync(TimeSpan.FromSeconds(30));
        testbed.PingOne.SetSubscriptionEnabled(testbed.SubscriptionId, false);
        var missed = pingOne.CreateUser("missed", "missed@example.com", new EmulatedUserName("Missed", "User"));
        var racing = pingOne.CreateUser("racing", "racing@example.com", new EmulatedUserName("Racing", "User"));

        // A live change holds the racing user, as the event consumer does while it creates it.
        var lease = ProvisioningBus.Outbound.Rules.LeaseNames.User(Rule, racing.Id);
        Assert.True(await testbed.Store.Leases.TryAcquireAsync(lease, "live-change", TimeSpan.FromMinutes(2), default));
        var previous = (await testbed.Store.SyncRuns.GetLatestAsync(Rule, default))?.RunId;
        await testbed.PublishAsync(new SyncRule { RuleName = Rule, Kind = SyncKind.FullResync, RequestedBy = "test", RequestedAt = DateTimeOffset.UtcNow });

        // The resync settles the in-sync user before it creates: once that is recorded again, its plan was read.
        await Eventually.MatchesAsync(
            () => testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, settled.Id, default),
            outcome => outcome!.At > provisioned!.At,
            TimeSpan.FromSeconds(30),
            "the resync settles the user already in sync");
        var docusignUser = testbed.Docusign(Rule).State.SeedUser("Racing User", "racing@example.com", "Racing", "User");
        await testbed.Store.UserLinks.UpsertAsync(
            new ProvisioningBus.State.Users.UserLink(Rule, racing.Id, docusignUser.UserId, "racing@example.com", "live", racing.UpdatedAt, DateTimeOffset.UtcNow), default);
        Assert.True(await testbed.Store.Leases.ReleaseAsync(lease, "live-change", default));

        var run = await Eventually.MatchesAsync(
            () => testbed.Store.SyncRuns.GetLatestAsync(Rule, default),
            r => r is { Kind: SyncRunKind.FullResync, Status: not SyncRunStatus.Running } && r.RunId != previous,
            TimeSpan.FromSeconds(60),
            "the requested full resync completes");
        output.WriteLine($"resync counts: {run!.Counts}");

        // The racing user was created during the run, by the live change: created, as the missed one the run created.
        Assert.Equal(new SyncRunCounts { Created = 2, Unchanged = 1 }, run.Counts);
        Assert.Single(testbed.UsersByEmail(Rule, missed.Email!));
        Assert.Single(testbed.UsersByEmail(Rule, racing.Email!));
    }
}
