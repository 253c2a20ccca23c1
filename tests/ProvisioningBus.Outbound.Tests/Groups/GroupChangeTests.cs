using ProvisioningBus.Outbound.Tests.Infrastructure;
using ProvisioningBus.State.Groups;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Outbound.Tests.Groups;

[Collection(OutboundGroupsCollection.Name)]
public sealed class GroupChangeTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_pushed_group_created_in_PingOne_is_created_in_Docusign_and_a_group_not_pushed_is_ignored()
    {
        string pushedId = "";
        await using var scenario = await GroupScenario.StartAsync(broker, (pingOne, _) =>
        {
            pushedId = pingOne.State.CreateGroup("Contract Signers").Id;
            pingOne.State.CreateGroup("Not Pushed");
            return [pushedId];
        });

        var group = await scenario.DocusignGroupAsync("Contract Signers", "the pushed group reaches Docusign");

        Assert.Equal("customGroup", group.GroupType);
        // The link is written just after the Docusign call that the emulator already shows.
        await Eventually.MatchesAsync<GroupLink?>(
            async () => await scenario.Store.GroupLinks.GetAsync(GroupScenario.RuleName, pushedId, CancellationToken.None),
            link => link?.DocusignGroupId == group.GroupId,
            Timeout,
            "the PingOne group is linked to the Docusign group");
        var outcome = await Eventually.MatchesAsync<EntityOutcome?>(
            async () => await scenario.Store.Ledger.GetAsync(GroupScenario.RuleName, EntityKind.Group, pushedId, CancellationToken.None),
            found => found is not null,
            Timeout,
            "the group's outcome is in the sync ledger");
        Assert.Equal(SyncOutcome.Success, outcome!.Outcome);

        // Both GROUP.CREATED events were consumed (the pushed one already applied); the other must leave no trace.
        await scenario.PingOne.WaitForDeliveryAsync(Timeout);
        Assert.Null(scenario.Docusign.State.FindGroupByName("Not Pushed"));
        Assert.Equal(1, (await scenario.Store.Ledger.GetSummaryAsync(GroupScenario.RuleName, CancellationToken.None)).Groups.Impacted);
    }

    [Fact]
    public async Task Renaming_a_pushed_group_in_PingOne_renames_its_Docusign_group_without_a_duplicate()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync(broker, (pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Sales EMEA").Id;
            return [groupId];
        });
        var created = await scenario.DocusignGroupAsync("Sales EMEA", "the pushed group reaches Docusign");

        scenario.PingOne.State.RenameGroup(groupId, "Sales Europe");

        var renamed = await scenario.DocusignGroupAsync("Sales Europe", "the rename reaches Docusign");
        Assert.Equal(created.GroupId, renamed.GroupId);
        Assert.Null(scenario.Docusign.State.FindGroupByName("Sales EMEA"));
        await Eventually.MatchesAsync<GroupLink?>(
            async () => await scenario.Store.GroupLinks.GetAsync(GroupScenario.RuleName, groupId, CancellationToken.None),
            link => link?.Name == "Sales Europe" && link.DocusignGroupId == created.GroupId,
            Timeout,
            "the link records the new name");
    }

    [Fact]
    public async Task Deleting_a_pushed_group_in_PingOne_deletes_its_Docusign_group_and_link()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync(broker, (pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Temporary Project").Id;
            return [groupId];
        });
        var created = await scenario.DocusignGroupAsync("Temporary Project", "the pushed group reaches Docusign");

        scenario.PingOne.State.DeleteGroup(groupId);

        await Eventually.MatchesAsync(
            () => scenario.Docusign.State.FindGroup(created.GroupId),
            group => group is null,
            Timeout,
            "the Docusign group is deleted");
        await Eventually.MatchesAsync<GroupLink?>(
            async () => await scenario.Store.GroupLinks.GetAsync(GroupScenario.RuleName, groupId, CancellationToken.None),
            link => link is null,
            Timeout,
            "the group link is removed");
    }

    [Fact]
    public async Task An_existing_Docusign_group_with_the_same_name_is_adopted_not_duplicated()
    {
        string groupId = "";
        string existingId = "";
        await using var scenario = await GroupScenario.StartAsync(broker, (pingOne, docusign) =>
        {
            existingId = docusign.State.SeedGroup("Legal").GroupId;
            groupId = pingOne.State.CreateGroup("Legal").Id;
            return [groupId];
        });

        var link = await Eventually.MatchesAsync<GroupLink?>(
            async () => await scenario.Store.GroupLinks.GetAsync(GroupScenario.RuleName, groupId, CancellationToken.None),
            found => found is not null,
            Timeout,
            "the PingOne group is linked");

        Assert.Equal(existingId, link!.DocusignGroupId);
        Assert.Single(scenario.Docusign.State.Groups, group => group.GroupName == "Legal");
        Assert.Empty(scenario.DocusignRequests("POST", path => path.EndsWith("/groups", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_pushed_group_named_like_a_built_in_Docusign_group_fails_and_leaves_the_built_in_group_untouched()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync(broker, (pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Administrators").Id;
            return [groupId];
        });
        var builtIns = scenario.Docusign.State.Groups.Where(group => group.IsBuiltIn).ToList();

        var outcome = await Eventually.MatchesAsync<EntityOutcome?>(
            async () => await scenario.Store.Ledger.GetAsync(GroupScenario.RuleName, EntityKind.Group, groupId, CancellationToken.None),
            found => found is not null,
            Timeout,
            "the group's failure is in the sync ledger");

        Assert.Equal(SyncOutcome.Failed, outcome!.Outcome);
        Assert.Equal("BUILT_IN_GROUP", outcome.ErrorCode);
        Assert.Null(await scenario.Store.GroupLinks.GetAsync(GroupScenario.RuleName, groupId, CancellationToken.None));
        Assert.Equal(builtIns, scenario.Docusign.State.Groups.Where(group => group.IsBuiltIn).ToList());
        Assert.Empty(scenario.DocusignRequests("PUT", path => path.EndsWith("/groups", StringComparison.Ordinal)));
        Assert.Empty(scenario.DocusignRequests("DELETE", path => path.EndsWith("/groups", StringComparison.Ordinal)));
    }
}
