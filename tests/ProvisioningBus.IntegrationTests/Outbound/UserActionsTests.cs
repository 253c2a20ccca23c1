using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>
/// Four rules read the same PingOne environment, each into its own Docusign account, differing only in one user action:
/// one deployment shows what every toggle lets through, and the sync summaries of mission §6.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class UserActionsTests(RabbitMqFixture broker)
{
    private const string Full = "full";
    private const string NoCreate = "no-create";
    private const string NoUpdate = "no-update";
    private const string NoDeprovision = "no-deprovision";

    [Fact]
    public async Task Each_user_action_decides_what_reaches_Docusign_and_the_sync_summary_counts_it()
    {
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [Full] = new(Full),
            [NoCreate] = new(NoCreate, new Dictionary<string, string?> { ["UserActions:CreateUsers"] = "false" }),
            [NoUpdate] = new(NoUpdate, new Dictionary<string, string?> { ["UserActions:UpdateUsers"] = "false" }),
            [NoDeprovision] = new(NoDeprovision, new Dictionary<string, string?> { ["UserActions:DeprovisionUsers"] = "false" }),
        });
        var pingOne = testbed.PingOne.State;

        var users = Enumerable.Range(1, 6)
            .Select(i => pingOne.CreateUser($"user{i}", $"user{i}@example.com", new EmulatedUserName($"Given{i}", $"Family{i}"), title: "Analyst"))
            .ToList();
        foreach (var connection in new[] { Full, NoUpdate, NoDeprovision })
        {
            foreach (var user in users)
            {
                await testbed.WaitForUserAsync(connection, user.Email!, u => u.UserStatus == "ActivationSent", $"{user.Username} is created through rule {connection}");
            }
        }

        await Eventually.MatchesAsync(() => testbed.Store.Ledger.GetSummaryAsync(NoCreate, default), s => s.Users.Unsynced == 6, TimeSpan.FromSeconds(30), "creation off leaves every user unsynced");

        // Deletion: closed with deprovision on (RemoveAction Delete), left alone with deprovision off; forgotten by the ledger either way.
        var deleted = users[5];
        pingOne.DeleteUser(deleted.Id);
        await testbed.WaitForUserAsync(Full, deleted.Email!, u => u.UserStatus == "Closed", "the deleted user is closed in Docusign");
        await testbed.WaitForUserAsync(NoUpdate, deleted.Email!, u => u.UserStatus == "Closed", "deprovisioning does not depend on updates");
        await Eventually.MatchesAsync(() => testbed.Store.Ledger.GetSummaryAsync(NoCreate, default), s => s.Users.Impacted == 5, TimeSpan.FromSeconds(30), "the deleted user leaves the creation-off summary");
        await Eventually.MatchesAsync<ProvisioningBus.State.Users.UserLink?>(() => testbed.Store.UserLinks.GetAsync(NoDeprovision, deleted.Id, default), link => link is null, TimeSpan.FromSeconds(30), "deprovision off forgets the link");
        Assert.Equal("ActivationSent", Assert.Single(testbed.UsersByEmail(NoDeprovision, deleted.Email!)).UserStatus);

        // Update of one user: pushed where updates are on, partially synced where they are off.
        var changed = users[0];
        pingOne.UpdateUser(changed.Id, new EmulatedUserChanges { Title = "Director" });
        await testbed.WaitForUserAsync(Full, changed.Email!, u => u.JobTitle == "Director", "the title change reaches Docusign");
        await Eventually.MatchesAsync(
            () => testbed.Store.Ledger.GetAsync(NoUpdate, EntityKind.User, changed.Id, default),
            outcome => outcome?.Outcome == SyncOutcome.PartiallySynced,
            TimeSpan.FromSeconds(30),
            "the changed user is partially synced when updates are off");
        Assert.Equal("Analyst", Assert.Single(testbed.UsersByEmail(NoUpdate, changed.Email!)).JobTitle);

        // An event that changes nothing Docusign holds (the same title again) writes nothing.
        var unchanged = users[1];
        var before = await testbed.Store.Ledger.GetAsync(Full, EntityKind.User, unchanged.Id, default);
        var putsBefore = Puts(testbed, Full);
        pingOne.UpdateUser(unchanged.Id, new EmulatedUserChanges { Title = "Analyst" });
        await Eventually.MatchesAsync(
            () => testbed.Store.Ledger.GetAsync(Full, EntityKind.User, unchanged.Id, default),
            outcome => outcome!.At > before!.At,
            TimeSpan.FromSeconds(30),
            "the no-op change is processed");
        Assert.Equal(putsBefore, Puts(testbed, Full));

        var full = await testbed.Store.Ledger.GetSummaryAsync(Full, default);
        Assert.Equal(new OutcomeCounts(5, 5, 0, 0, 0, 0), full.Users);
        var noCreate = await testbed.Store.Ledger.GetSummaryAsync(NoCreate, default);
        Assert.Equal(new OutcomeCounts(5, 0, 5, 0, 0, 0), noCreate.Users);
        Assert.DoesNotContain(testbed.Docusign(NoCreate).State.Users, u => u.Email.EndsWith("@example.com", StringComparison.Ordinal));
        var noUpdate = await testbed.Store.Ledger.GetSummaryAsync(NoUpdate, default);
        Assert.Equal(new OutcomeCounts(5, 4, 0, 1, 0, 0), noUpdate.Users);

        var status = await testbed.StatusAsync(NoUpdate);
        Assert.NotNull(status);
        Assert.Equal(1, status.Users.PartiallySynced);
    }

    private static int Puts(OutboundTestbed testbed, string connection) =>
        testbed.Docusign(connection).State.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("/users", StringComparison.Ordinal));
}
