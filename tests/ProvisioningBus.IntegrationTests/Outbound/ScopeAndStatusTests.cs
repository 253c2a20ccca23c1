using Docusign.Emulator;
using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.IntegrationTests.Outbound;

[Collection(RabbitMqCollection.Name)]
public sealed class ScopeAndStatusTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Users_entering_scope_are_created_and_users_leaving_it_are_closed()
    {
        const string Engineers = "engineers";
        const string GroupOrPopulation = "group-or-population";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [Engineers] = new(Engineers, new Dictionary<string, string?>
            {
                ["Scope:Conditions:0:Attribute"] = "title",
                ["Scope:Conditions:0:Value"] = "Engineer",
            }),
            [GroupOrPopulation] = new(GroupOrPopulation, new Dictionary<string, string?>()),
        });
        var pingOne = testbed.PingOne.State;
        var population = pingOne.CreatePopulation("Contractors");
        var group = pingOne.CreateGroup("Docusign users");

        // The second rule's scope needs the ids, so it is configured now and the worker redeployed with it.
        await testbed.StopWorkersAsync();
        var prefix = $"Outbound:Rules:{GroupOrPopulation}:Scope";
        testbed.Settings[$"{prefix}:Match"] = "Any";
        testbed.Settings[$"{prefix}:Conditions:0:Attribute"] = "memberOfGroups";
        testbed.Settings[$"{prefix}:Conditions:0:Value"] = group.Id;
        testbed.Settings[$"{prefix}:Conditions:1:Attribute"] = "population.id";
        testbed.Settings[$"{prefix}:Conditions:1:Value"] = population.Id;
        await testbed.StartWorkerAsync();

        var engineer = pingOne.CreateUser("eng", "eng@example.com", new EmulatedUserName("En", "Gineer"), title: "Engineer");
        var sales = pingOne.CreateUser("sales", "sales@example.com", new EmulatedUserName("Sa", "Les"), title: "Sales");
        var contractor = pingOne.CreateUser("contractor", "contractor@example.com", new EmulatedUserName("Con", "Tractor"), populationId: population.Id);

        await testbed.WaitForUserAsync(Engineers, engineer.Email!, u => u.UserStatus == "ActivationSent", "a user matching the attribute condition is in scope");
        await testbed.WaitForUserAsync(GroupOrPopulation, contractor.Email!, u => u.UserStatus == "ActivationSent", "a user of the scope population is in scope (Any)");

        // Enter by attribute, leave by attribute.
        pingOne.UpdateUser(sales.Id, new EmulatedUserChanges { Title = "Engineer" });
        pingOne.UpdateUser(engineer.Id, new EmulatedUserChanges { Title = "Manager" });
        await testbed.WaitForUserAsync(Engineers, sales.Email!, u => u.UserStatus == "ActivationSent", "a user whose title now matches enters scope");
        await testbed.WaitForUserAsync(Engineers, engineer.Email!, u => u.UserStatus == "Closed", "a user whose title no longer matches is closed (RemoveAction Delete)");

        // Enter and leave by group membership (MEMBER_OF_GROUP events).
        pingOne.AddMember(engineer.Id, group.Id);
        await testbed.WaitForUserAsync(GroupOrPopulation, engineer.Email!, u => u.UserStatus == "ActivationSent", "joining the scope group enters scope");
        pingOne.RemoveMember(engineer.Id, group.Id);
        await testbed.WaitForUserAsync(GroupOrPopulation, engineer.Email!, u => u.UserStatus == "Closed", "leaving the scope group leaves scope");

        Assert.Empty(testbed.UsersByEmail(GroupOrPopulation, sales.Email!));
        Assert.Empty(testbed.UsersByEmail(Engineers, contractor.Email!));
        Assert.Null(await testbed.Store.UserLinks.GetAsync(Engineers, engineer.Id, default));
    }

    [Fact]
    public async Task Enabled_mapped_through_an_expression_closes_and_reactivates_the_user_and_other_statuses_fail_clearly()
    {
        const string Status = "status";
        const string Unsupported = "unsupported";
        await using var testbed = await OutboundTestbed.StartAsync(
            broker,
            new Dictionary<string, RuleSetup>
            {
                [Status] = new(Status, new Dictionary<string, string?> { ["Mappings:userStatus"] = "#root.enabled ? 'Active' : 'Closed'" }),
                [Unsupported] = new(Unsupported, new Dictionary<string, string?> { ["Mappings:userStatus"] = "#root.enabled ? 'Active' : 'Disabled'" }),
            },
            emulatorOptions: new Dictionary<string, DocusignEmulatorOptions>
            {
                // Docusign may give a reactivated user a new userId (fact sheet §1.7): the link must follow it.
                [Status] = new() { ClosedUserReactivation = ClosedUserReactivation.NewUserId },
            });
        var pingOne = testbed.PingOne.State;

        var user = pingOne.CreateUser("grace", "grace@example.com", new EmulatedUserName("Grace", "Hopper"), title: "Admiral");
        var created = (await testbed.WaitForUserAsync(Status, user.Email!, u => u.UserStatus == "ActivationSent", "an enabled user is created"))[0];
        await testbed.WaitForUserAsync(Unsupported, user.Email!, u => u.UserStatus == "ActivationSent", "an enabled user is created");

        pingOne.SetEnabled(user.Id, false);
        await testbed.WaitForUserAsync(Status, user.Email!, u => u.UserStatus == "Closed", "disabling the PingOne user closes the Docusign user");
        var failure = await Eventually.MatchesAsync(
            () => testbed.Store.Ledger.GetAsync(Unsupported, EntityKind.User, user.Id, default),
            outcome => outcome?.Outcome == SyncOutcome.Failed,
            TimeSpan.FromSeconds(30),
            "a userStatus Docusign cannot reach is a recorded failure");
        Assert.Equal(UserStatusMapping.NotSupportedErrorCode, failure!.ErrorCode);
        Assert.Contains("not supported by Docusign", failure.ErrorMessage, StringComparison.Ordinal);
        var summary = await testbed.StatusAsync(Unsupported);
        Assert.Equal(UserStatusMapping.NotSupportedErrorCode, Assert.Single(summary!.RecentFailures).ErrorCode);
        Assert.Equal("ActivationSent", Assert.Single(testbed.UsersByEmail(Unsupported, user.Email!)).UserStatus);

        pingOne.SetEnabled(user.Id, true);
        var users = await Eventually.MatchesAsync(
            () => testbed.UsersByEmail(Status, user.Email!),
            found => found.Any(u => u.UserStatus != "Closed"),
            TimeSpan.FromSeconds(30),
            "enabling the PingOne user reactivates it in Docusign");
        var reactivated = Assert.Single(users, u => u.UserStatus != "Closed");
        Assert.NotEqual(created.UserId, reactivated.UserId);
        var link = await Eventually.MatchesAsync(
            () => testbed.Store.UserLinks.GetAsync(Status, user.Id, default),
            l => l?.DocusignUserId == reactivated.UserId,
            TimeSpan.FromSeconds(30),
            "the link follows the reactivated user's new id");
        Assert.Equal(user.Email, link!.Email);
    }

    [Fact]
    public async Task An_existing_Docusign_user_with_the_same_email_is_adopted_not_duplicated()
    {
        const string Rule = "adopt";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var existing = testbed.Docusign(Rule).State.SeedUser("A. Lovelace", "ada@example.com", "A.", "Lovelace", "Countess");

        var user = testbed.PingOne.State.CreateUser("ada", "ada@example.com", new EmulatedUserName("Ada", "Lovelace"), title: "Analyst");

        var adopted = (await testbed.WaitForUserAsync(Rule, "ada@example.com", u => u.JobTitle == "Analyst", "the existing user is updated to PingOne's attributes"))[0];
        Assert.Equal(existing.UserId, adopted.UserId);
        Assert.Equal("Ada Lovelace", adopted.UserName);
        await Eventually.MatchesAsync<ProvisioningBus.State.Users.UserLink?>(
            () => testbed.Store.UserLinks.GetAsync(Rule, user.Id, default),
            link => link?.DocusignUserId == existing.UserId,
            TimeSpan.FromSeconds(30),
            "the PingOne user is linked to the adopted Docusign user");
        Assert.DoesNotContain(testbed.Docusign(Rule).State.Requests, r => r.Method == "POST" && r.Path.EndsWith("/users", StringComparison.Ordinal));
    }
}
