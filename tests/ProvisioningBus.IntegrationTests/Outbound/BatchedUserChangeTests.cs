using PingOne.Emulator.Directory;
using ProvisioningBus.Contracts;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>The batched user path: deletes verified against PingOne, existing accounts adopted in bulk, never doubled.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class BatchedUserChangeTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_forged_delete_of_a_live_user_closes_nothing_and_a_real_delete_closes_the_user()
    {
        const string Rule = "deletes";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var live = testbed.PingOne.State.CreateUser("live", "live@deletes.example", new EmulatedUserName("Li", "Ve"));
        var created = (await testbed.WaitForUserAsync(Rule, "live@deletes.example", user => user.UserStatus != "Closed", "the user is created"))[0];

        // A stray, replayed or forged USER.DELETED for a user PingOne still has.
        await testbed.PublishAsync(new PingOneUserChanged
        {
            EventId = Guid.NewGuid().ToString(),
            EnvironmentId = testbed.PingOne.EnvironmentId,
            UserId = live.Id,
            UserName = live.Username,
            Action = DirectoryChangeAction.Deleted,
            RecordedAt = DateTimeOffset.UtcNow,
        });
        // A real delete of another user, published after the forged one: once it is applied, so is the forged one.
        var leaver = testbed.PingOne.State.CreateUser("leaver", "leaver@deletes.example", new EmulatedUserName("Lea", "Ver"));
        await testbed.WaitForUserAsync(Rule, "leaver@deletes.example", user => user.UserStatus != "Closed", "the leaver is created");
        testbed.PingOne.State.DeleteUser(leaver.Id);
        await testbed.WaitForUserAsync(Rule, "leaver@deletes.example", user => user.UserStatus == "Closed", "a real delete closes the user");

        var kept = Assert.Single(testbed.UsersByEmail(Rule, "live@deletes.example"));
        Assert.Equal(created.UserId, kept.UserId);
        Assert.NotEqual("Closed", kept.UserStatus);
        Assert.NotNull(await testbed.Store.UserLinks.GetAsync(Rule, live.Id, default));
    }

    [Fact]
    public async Task A_burst_of_new_users_adopts_existing_accounts_by_email_even_under_another_user_name_and_doubles_none()
    {
        const string Rule = "burst";
        const int Users = 40;
        const int Existing = 8;
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var docusign = testbed.Docusign(Rule).State;
        var seeded = Enumerable.Range(0, Existing)
            .Select(i => docusign.SeedUser($"Old Name {i}", $"burst.{i}@burst.example", "Old", $"Name{i}", "Contractor"))
            .ToList();
        docusign.ClearRequests();

        for (var i = 0; i < Users; i++)
        {
            testbed.PingOne.State.CreateUser($"burst.{i}", $"burst.{i}@burst.example", new EmulatedUserName("Burst", $"User{i}"), title: "Engineer");
        }

        await Eventually.MatchesAsync(
            () => Task.FromResult(docusign.Users.Count(user => user.Email.EndsWith("@burst.example", StringComparison.Ordinal) && user.JobTitle == "Engineer")),
            count => count == Users,
            Timeout,
            "every user is in Docusign with PingOne's attributes");

        var burst = docusign.Users.Where(user => user.Email.EndsWith("@burst.example", StringComparison.Ordinal)).ToList();
        Assert.Equal(Users, burst.Count);
        Assert.All(seeded, old => Assert.Contains(burst, user => user.UserId == old.UserId && user.UserName == $"Burst User{seeded.IndexOf(old)}"));
        // Matched without a lookup per user: the burst arrives in a few batches, each matched by one listing at most.
        var lookups = docusign.Requests.Count(request => request.Method == "GET" && request.Query?.Contains("email=", StringComparison.Ordinal) == true);
        Assert.True(lookups < Users, $"{lookups} email lookups for {Users} new users");
    }
}
