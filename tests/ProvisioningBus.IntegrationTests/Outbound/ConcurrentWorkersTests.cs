using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>Two worker instances consume one queue and share one PostgreSQL store, as a scaled-out deployment does.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ConcurrentWorkersTests(RabbitMqFixture broker, PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private const string Rule = "shared";

    [Fact]
    public async Task Two_workers_hammered_with_interleaved_changes_to_the_same_users_leave_Docusign_equal_to_PingOne_without_duplicates()
    {
        await using var testbed = await OutboundTestbed.StartAsync(
            broker,
            new Dictionary<string, RuleSetup> { [Rule] = new(Rule, new Dictionary<string, string?> { ["Mappings:userStatus"] = "#root.enabled ? 'Active' : 'Closed'" }) },
            state: new Dictionary<string, string?> { ["State:Provider"] = "Postgres", ["State:ConnectionString"] = database.ConnectionString },
            workers: 2);
        var pingOne = testbed.PingOne.State;
        const int UserCount = 20;
        const int Rounds = 6;

        // Creates and changes interleave: later users are still being created while earlier ones change.
        var users = new List<EmulatedUser>();
        for (var i = 0; i < UserCount; i++)
        {
            users.Add(pingOne.CreateUser($"hammer{i}", $"hammer{i}@example.com", new EmulatedUserName($"Given{i}", $"Family{i}"), title: "Title 0"));
            if (i > 0)
            {
                pingOne.UpdateUser(users[i - 1].Id, new EmulatedUserChanges { Title = "Title 1" });
            }
        }

        for (var round = 2; round < Rounds; round++)
        {
            foreach (var user in users)
            {
                pingOne.UpdateUser(user.Id, new EmulatedUserChanges { Title = $"Title {round}", Name = new EmulatedUserName($"Given{round}", user.Name!.Family) });
                if (round % 2 == 0)
                {
                    pingOne.SetEnabled(user.Id, false);
                }
                else
                {
                    pingOne.SetEnabled(user.Id, true);
                }
            }
        }

        // Some end disabled (closed in Docusign), some deleted.
        foreach (var user in users.Take(3))
        {
            pingOne.DeleteUser(user.Id);
        }

        await testbed.PingOne.WaitForDeliveryAsync(TimeSpan.FromSeconds(60));
        var expected = pingOne.Users().ToDictionary(u => u.Email!, StringComparer.OrdinalIgnoreCase);
        var docusign = testbed.Docusign(Rule).State;
        await Eventually.MatchesAsync(
            () => Mismatches(docusign.Users, users, expected),
            mismatches => mismatches.Length == 0,
            TimeSpan.FromSeconds(90),
            "Docusign converges to PingOne");

        var hammerUsers = docusign.Users.Where(u => u.Email.StartsWith("hammer", StringComparison.Ordinal)).ToList();
        Assert.All(hammerUsers.GroupBy(u => u.Email, StringComparer.OrdinalIgnoreCase), group => Assert.Single(group));
        // The ledger is written just after the Docusign call, so it may trail the convergence observed above by a moment.
        var summary = await Eventually.MatchesAsync(
            () => testbed.Store.Ledger.GetSummaryAsync(Rule, default),
            s => s.Users.Impacted == UserCount - 3 && s.Users.Success == UserCount - 3,
            TimeSpan.FromSeconds(30),
            "every remaining user's last outcome is a success");
        Assert.Equal(0, summary.Users.Failed);
    }

    private static string Mismatches(IReadOnlyList<global::Docusign.Emulator.EmulatedUser> docusign, List<EmulatedUser> users, Dictionary<string, EmulatedUser> expected) =>
        string.Join("; ", users
            .Where(user => !Matches(docusign, user.Email!, expected.GetValueOrDefault(user.Email!)))
            .Select(user => $"{user.Email}: expected {Describe(expected.GetValueOrDefault(user.Email!))}, Docusign has [{string.Join(", ", docusign.Where(d => string.Equals(d.Email, user.Email, StringComparison.OrdinalIgnoreCase)).Select(d => $"{d.UserName}/{d.JobTitle}/{d.UserStatus}"))}]"));

    private static string Describe(EmulatedUser? user) => user is null ? "deleted" : $"{user.Name?.Given} {user.Name?.Family}/{user.Title}/{(user.Enabled ? "enabled" : "disabled")}";

    private static bool Matches(IReadOnlyList<global::Docusign.Emulator.EmulatedUser> docusign, string email, EmulatedUser? pingOne)
    {
        var target = docusign.Where(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)).ToList();
        if (pingOne is null)
        {
            // Deleted in PingOne: closed if it was ever provisioned, absent if it was deleted before its creation was applied.
            return target.Count == 0 || (target.Count == 1 && target[0].UserStatus == "Closed");
        }

        if (target.Count != 1)
        {
            return false;
        }

        var user = target[0];

        return user.UserStatus == (pingOne.Enabled ? "ActivationSent" : "Closed")
            && user.JobTitle == pingOne.Title
            && user.FirstName == pingOne.Name?.Given
            && user.UserName == $"{pingOne.Name?.Given} {pingOne.Name?.Family}";
    }
}
