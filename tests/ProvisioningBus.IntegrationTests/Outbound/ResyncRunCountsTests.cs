using PingOne.Emulator.Directory;
using ProvisioningBus.Contracts;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.State.Ledger;
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
        for (var i = 0; i < existing.Count; i++)
        {
            var user = Assert.Single(testbed.UsersByEmail(Rule, adopted[i].Email!));
            Assert.Equal((existing[i].UserId, "Engineer"), (user.UserId, user.JobTitle));
        }

        Assert.All(created, user => Assert.Single(testbed.UsersByEmail(Rule, user.Email!)));
        Assert.Equal("Closed", Assert.Single(testbed.UsersByEmail(Rule, linked[3].Email!)).UserStatus);
        Assert.All(outOfScope, user => Assert.Empty(testbed.UsersByEmail(Rule, user.Email!)));
    }
}
