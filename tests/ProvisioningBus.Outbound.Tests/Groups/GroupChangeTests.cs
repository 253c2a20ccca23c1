using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Resync;
using ProvisioningBus.Outbound.Tests.Infrastructure;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Outbound.Tests.Groups;

public sealed class GroupChangeTests
{
    [Fact]
    public async Task A_pushed_group_created_in_PingOne_is_created_in_Docusign_and_a_group_not_pushed_is_ignored()
    {
        string pushedId = "";
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            pushedId = pingOne.State.CreateGroup("Contract Signers").Id;
            pingOne.State.CreateGroup("Not Pushed");
            return [pushedId];
        });

        await scenario.Changes.DeliverAsync();

        var group = scenario.DocusignGroup("Contract Signers");
        Assert.Equal("customGroup", group.GroupType);
        var link = await scenario.Store.GroupLinks.GetAsync(GroupScenario.RuleName, pushedId, CancellationToken.None);
        Assert.Equal(group.GroupId, link?.DocusignGroupId);
        var outcome = await scenario.Store.Ledger.GetAsync(GroupScenario.RuleName, EntityKind.Group, pushedId, CancellationToken.None);
        Assert.Equal(SyncOutcome.Success, outcome?.Outcome);

        // Both GROUP.CREATED events were consumed; the one not pushed must leave no trace.
        Assert.Null(scenario.Docusign.State.FindGroupByName("Not Pushed"));
        Assert.Equal(1, (await scenario.Store.Ledger.GetSummaryAsync(GroupScenario.RuleName, CancellationToken.None)).Groups.Impacted);
    }

    [Fact]
    public async Task Renaming_a_pushed_group_in_PingOne_renames_its_Docusign_group_without_a_duplicate()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Sales EMEA").Id;
            return [groupId];
        });
        await scenario.Changes.DeliverAsync();
        var created = scenario.DocusignGroup("Sales EMEA");

        scenario.PingOne.State.RenameGroup(groupId, "Sales Europe");
        await scenario.Changes.DeliverAsync();

        var renamed = scenario.DocusignGroup("Sales Europe");
        Assert.Equal(created.GroupId, renamed.GroupId);
        Assert.Null(scenario.Docusign.State.FindGroupByName("Sales EMEA"));
        var link = await scenario.Store.GroupLinks.GetAsync(GroupScenario.RuleName, groupId, CancellationToken.None);
        Assert.Equal(("Sales Europe", created.GroupId), (link?.Name, link?.DocusignGroupId));

        // The log names each change: the start-up resync's create (no event: its reason says resync), the GROUP.CREATED
        // event that then found nothing to do, and the rename of the name with its PingOne event.
        var lines = await LogLinesAsync(scenario, groupId, lines => lines.Any(line => line.Action == "rename"), "the rename is logged");
        var create = Assert.Single(lines, line => line.Action == "create");
        var unchanged = Assert.Single(lines, line => line.Action == "unchanged");
        var rename = Assert.Single(lines, line => line.Action == "rename");
        Assert.Equal((ProvisioningLogValues.Outbound, "group", ProvisioningLogValues.Success, "Sales Europe"), (rename.Direction, rename.EntityType, rename.Outcome, rename.DisplayName));
        Assert.Equal([GroupChangeDetail.NameAttribute], rename.ChangedAttributes);
        Assert.False(string.IsNullOrEmpty(rename.EventId), "the rename names its PingOne event");
        Assert.Equal([GroupChangeDetail.NameAttribute], create.ChangedAttributes);
        Assert.Equal((null, ResyncChangeDetail.Reason), (create.EventId, create.Reason));
        Assert.Empty(unchanged.ChangedAttributes);
        Assert.False(string.IsNullOrEmpty(unchanged.EventId), "the create event names its PingOne event");
        Assert.NotEqual(unchanged.EventId, rename.EventId);
    }

    [Fact]
    public async Task Deleting_a_pushed_group_in_PingOne_deletes_its_Docusign_group_and_link()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Temporary Project").Id;
            return [groupId];
        });
        await scenario.Changes.DeliverAsync();
        var created = scenario.DocusignGroup("Temporary Project");

        scenario.PingOne.State.DeleteGroup(groupId);
        await scenario.Changes.DeliverAsync();

        Assert.Null(scenario.Docusign.State.FindGroup(created.GroupId));
        Assert.Null(await scenario.Store.GroupLinks.GetAsync(GroupScenario.RuleName, groupId, CancellationToken.None));

        // The group leaves the ledger, but not the log.
        var lines = await LogLinesAsync(scenario, groupId, lines => lines.Any(line => line.Action == "delete"), "the delete is logged");
        var delete = Assert.Single(lines, line => line.Action == "delete");
        Assert.Equal(ProvisioningLogValues.Success, delete.Outcome);
        Assert.False(string.IsNullOrEmpty(delete.EventId), "the delete names its PingOne event");
    }

    [Fact]
    public async Task An_existing_Docusign_group_with_the_same_name_is_adopted_not_duplicated()
    {
        string groupId = "";
        string existingId = "";
        await using var scenario = await GroupScenario.StartAsync((pingOne, docusign) =>
        {
            existingId = docusign.State.SeedGroup("Legal").GroupId;
            groupId = pingOne.State.CreateGroup("Legal").Id;
            return [groupId];
        });

        await scenario.Changes.DeliverAsync();

        var link = await scenario.Store.GroupLinks.GetAsync(GroupScenario.RuleName, groupId, CancellationToken.None);
        Assert.Equal(existingId, link?.DocusignGroupId);
        Assert.Single(scenario.Docusign.State.Groups, group => group.GroupName == "Legal");
        Assert.Empty(scenario.DocusignRequests("POST", path => path.EndsWith("/groups", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_pushed_group_named_like_a_built_in_Docusign_group_fails_and_leaves_the_built_in_group_untouched()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Administrators").Id;
            return [groupId];
        });
        var builtIns = scenario.Docusign.State.Groups.Where(group => group.IsBuiltIn).ToList();

        // A permanent failure is recorded in the ledger and the message still consumed: nothing for the queue to retry.
        await scenario.Changes.DeliverAsync();

        var outcome = await scenario.Store.Ledger.GetAsync(GroupScenario.RuleName, EntityKind.Group, groupId, CancellationToken.None);
        Assert.Equal(SyncOutcome.Failed, outcome?.Outcome);
        Assert.Equal("BUILT_IN_GROUP", outcome!.ErrorCode);
        Assert.Null(await scenario.Store.GroupLinks.GetAsync(GroupScenario.RuleName, groupId, CancellationToken.None));
        Assert.Equal(builtIns, scenario.Docusign.State.Groups.Where(group => group.IsBuiltIn).ToList());
        Assert.Empty(scenario.DocusignRequests("PUT", path => path.EndsWith("/groups", StringComparison.Ordinal)));
        Assert.Empty(scenario.DocusignRequests("DELETE", path => path.EndsWith("/groups", StringComparison.Ordinal)));
    }

    private static Task<IReadOnlyList<ProvisioningLogEntry>> LogLinesAsync(
        GroupScenario scenario, string groupId, Func<IReadOnlyList<ProvisioningLogEntry>, bool> condition, string because) =>
        Eventually.MatchesAsync(
            async () => (await scenario.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(GroupScenario.RuleName, groupId), CancellationToken.None)).Entries,
            condition,
            TimeSpan.FromSeconds(30),
            because);
}
