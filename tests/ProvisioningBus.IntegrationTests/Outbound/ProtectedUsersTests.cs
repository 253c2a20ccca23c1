using Docusign.Emulator;
using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>
/// The account's administrators and the user who consented the connection are never closed, whatever PingOne says:
/// the attempt is a clear failure on the user, and everyone else is closed as usual.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ProtectedUsersTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Deleting_administrators_and_the_consenting_user_in_PingOne_closes_neither_and_records_why()
    {
        const string Rule = "protect";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var docusign = testbed.Docusign(Rule).State;
        var consenting = docusign.FindUser(docusign.AdminUserId)!;
        var administrator = docusign.SeedUser("Ada Admin", "ada.admin@example.com", "Ada", "Admin", permissionProfileId: PermissionProfiles.AccountAdministratorId);
        var pingOne = testbed.PingOne.State;
        var users = new[]
        {
            pingOne.CreateUser("consenting", consenting.Email, new EmulatedUserName("Consenting", "Admin")),
            pingOne.CreateUser("ada", administrator.Email, new EmulatedUserName("Ada", "Admin")),
            pingOne.CreateUser("plain", "plain@example.com", new EmulatedUserName("Plain", "User")),
        };
        foreach (var user in users)
        {
            await Eventually.MatchesAsync<EntityOutcome?>(
                () => testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, user.Id, default), outcome => outcome?.Outcome == SyncOutcome.Success, TimeSpan.FromSeconds(30), "the user is provisioned or adopted");
        }

        foreach (var user in users)
        {
            pingOne.DeleteUser(user.Id);
        }

        foreach (var user in users.Take(2))
        {
            var refused = await Eventually.MatchesAsync<EntityOutcome?>(
                () => testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, user.Id, default), outcome => outcome?.Outcome == SyncOutcome.Failed, TimeSpan.FromSeconds(30), "the close is refused");
            Assert.Equal("PROTECTED_USER", refused!.ErrorCode);
        }

        await testbed.WaitForUserAsync(Rule, "plain@example.com", user => user.UserStatus == "Closed", "the ordinary user is closed");
        Assert.Equal("Active", docusign.FindUser(consenting.UserId)!.UserStatus);
        Assert.Equal("Active", docusign.FindUser(administrator.UserId)!.UserStatus);
        Assert.Contains("consented the connection", (await testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, users[0].Id, default))!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("administrator", (await testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, users[1].Id, default))!.ErrorMessage, StringComparison.Ordinal);
    }
}
