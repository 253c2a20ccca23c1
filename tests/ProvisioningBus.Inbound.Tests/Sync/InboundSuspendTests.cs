using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Inbound.Tests.Sync;

/// <summary>
/// The product page's inbound "delete (or suspend)": under the Remove Action <c>Disable</c> a user who leaves the rule
/// (closed, gone, filtered out) is suspended in PingOne instead of deleted, and enabled again when it comes back.
/// </summary>
[Collection(InboundBrokerCollection.Name)]
public sealed class InboundSuspendTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_user_who_leaves_the_rule_is_disabled_in_PingOne_and_enabled_again_when_it_returns()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var ann = scenario.SeedDocusignUser("Ann", "Staying");
        var ben = scenario.SeedDocusignUser("Ben", "Leaving");
        var worker = await scenario.StartWorkerAsync(new Dictionary<string, string?>
        {
            ["UserFilter:Conditions:0:Attribute"] = "jobTitle",
            ["UserFilter:Conditions:0:Value"] = "Engineer",
            ["RemoveAction"] = "Disable",
            ["MassDeletionGuard:MaxDeletionPercent"] = "100",
        });
        var provisioned = await scenario.WaitForPingOneAsync(users => users.Count == 2, "the initial sync provisions both");
        var bensAccount = provisioned[ben.UserId].Id;

        await worker.Docusign.UpdateUserAsync(new DocusignUserUpdate(ben.UserId) { JobTitle = "Contractor" });
        await worker.SyncNowAsync();

        var suspended = await scenario.WaitForPingOneAsync(users => users.TryGetValue(ben.UserId, out var user) && !user.Enabled, "Ben is suspended, not deleted");
        Assert.Equal(bensAccount, suspended[ben.UserId].Id);
        Assert.True(suspended[ann.UserId].Enabled);
        await Eventually.MatchesAsync(
            () => worker.Store.Ledger.GetAsync(InboundScenario.RuleName, EntityKind.User, ben.UserId, CancellationToken.None),
            outcome => outcome?.ErrorCode == "SUSPENDED",
            TimeSpan.FromSeconds(30),
            "the ledger shows Ben suspended (recorded once PingOne accepted it)");

        await worker.Docusign.UpdateUserAsync(new DocusignUserUpdate(ben.UserId) { JobTitle = "Engineer" });
        await worker.SyncNowAsync();

        var back = await scenario.WaitForPingOneAsync(users => users.TryGetValue(ben.UserId, out var user) && user.Enabled, "Ben is enabled again when he returns");
        Assert.Equal(bensAccount, back[ben.UserId].Id);
        Assert.Equal(2, scenario.PingOne.State.Users().Count);
    }
}
