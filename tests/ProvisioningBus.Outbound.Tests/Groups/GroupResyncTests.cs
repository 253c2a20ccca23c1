using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Tests.Infrastructure;
using ProvisioningBus.State.Memberships;

namespace ProvisioningBus.Outbound.Tests.Groups;

[Collection(OutboundGroupsCollection.Name)]
public sealed class GroupResyncTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Group_resync_adds_a_membership_a_lost_webhook_missed_and_removes_one_added_by_hand()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync(broker, (pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Auditors").Id;
            return [groupId];
        });
        var users = await scenario.ProvisionUsersAsync(["amy", "ben", "cal"]);
        var (amy, ben, cal) = (users[0], users[1], users[2]);
        var group = await scenario.DocusignGroupAsync("Auditors", "the pushed group reaches Docusign");
        scenario.PingOne.State.AddMember(amy.PingOneUserId, groupId);
        await Eventually.MatchesAsync(() => scenario.DocusignMembers(group.GroupId), members => members.Count == 1, Timeout, "amy joins through the webhook");

        // Lost webhook: PingOne records the change but the subscription never delivers it. Drift: a member added in Docusign.
        scenario.PingOne.SetSubscriptionEnabled(scenario.SubscriptionId, enabled: false);
        scenario.PingOne.State.AddMember(ben.PingOneUserId, groupId);
        scenario.Docusign.State.SeedMembers(group.GroupId, cal.DocusignUserId);

        var result = await scenario.Worker.Services.GetRequiredService<GroupResync>().ReconcileAsync(scenario.Rule, CancellationToken.None);

        Assert.Equal([.. new[] { amy.DocusignUserId, ben.DocusignUserId }.Order(StringComparer.Ordinal)], scenario.DocusignMembers(group.GroupId));
        Assert.Equal((1, 1, 1), (result.GroupsChecked, result.MembersAdded, result.MembersRemoved));
        Assert.Empty(result.FailedGroupIds);
        Assert.True(await scenario.Store.Memberships.ExistsAsync(new AppliedMembership(GroupScenario.RuleName, groupId, ben.PingOneUserId), CancellationToken.None));
    }

    [Fact]
    public async Task Group_resync_recreates_a_pushed_group_deleted_in_Docusign_with_its_members()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync(broker, (pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Approvers").Id;
            return [groupId];
        });
        var dora = (await scenario.ProvisionUsersAsync(["dora"]))[0];
        var group = await scenario.DocusignGroupAsync("Approvers", "the pushed group reaches Docusign");
        scenario.PingOne.State.AddMember(dora.PingOneUserId, groupId);
        await Eventually.MatchesAsync(() => scenario.DocusignMembers(group.GroupId), members => members.Count == 1, Timeout, "dora joins through the webhook");

        // An administrator deletes the group in Docusign; PingOne never hears of it.
        var deleted = await scenario.Worker.Services.GetRequiredService<IDocusignClientProvider>()
            .Get(GroupScenario.ConnectionName).DeleteGroupsAsync([group.GroupId]);
        Assert.Null(deleted[0].Error);

        var result = await scenario.Worker.Services.GetRequiredService<GroupResync>().ReconcileAsync(scenario.Rule, CancellationToken.None);

        var recreated = await scenario.DocusignGroupAsync("Approvers", "the group is created again");
        Assert.NotEqual(group.GroupId, recreated.GroupId);
        Assert.Equal([dora.DocusignUserId], scenario.DocusignMembers(recreated.GroupId));
        Assert.Equal((1, 1), (result.GroupsCreated, result.MembersAdded));
    }
}
