using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Tests.Infrastructure;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.State.Memberships;

namespace ProvisioningBus.Outbound.Tests.Groups;

public sealed class GroupResyncTests
{
    [Fact]
    public async Task Group_resync_adds_a_membership_a_lost_webhook_missed_and_removes_one_added_by_hand()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Auditors").Id;
            return [groupId];
        });
        var users = await scenario.ProvisionUsersAsync(["amy", "ben", "cal"]);
        var (amy, ben, cal) = (users[0], users[1], users[2]);
        var group = scenario.DocusignGroup("Auditors");
        scenario.PingOne.State.AddMember(amy.PingOneUserId, groupId);
        await scenario.Changes.DeliverAsync();
        Assert.Single(scenario.DocusignMembers(group.GroupId));

        // Lost webhook: PingOne records the change but it is never delivered. Drift: a member added in Docusign.
        scenario.PingOne.State.AddMember(ben.PingOneUserId, groupId);
        scenario.Changes.Skip();
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
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Approvers").Id;
            return [groupId];
        });
        var dora = (await scenario.ProvisionUsersAsync(["dora"]))[0];
        var group = scenario.DocusignGroup("Approvers");
        scenario.PingOne.State.AddMember(dora.PingOneUserId, groupId);
        await scenario.Changes.DeliverAsync();
        Assert.Single(scenario.DocusignMembers(group.GroupId));

        // An administrator deletes the group in Docusign; PingOne never hears of it.
        var deleted = await scenario.Worker.Services.GetRequiredService<IDocusignClientProvider>()
            .Get(GroupScenario.ConnectionName).DeleteGroupsAsync([group.GroupId]);
        Assert.Null(deleted[0].Error);

        var result = await scenario.Worker.Services.GetRequiredService<GroupResync>().ReconcileAsync(scenario.Rule, CancellationToken.None);

        var recreated = scenario.DocusignGroup("Approvers");
        Assert.NotEqual(group.GroupId, recreated.GroupId);
        Assert.Equal([dora.DocusignUserId], scenario.DocusignMembers(recreated.GroupId));
        Assert.Equal((1, 1), (result.GroupsCreated, result.MembersAdded));
    }
}
