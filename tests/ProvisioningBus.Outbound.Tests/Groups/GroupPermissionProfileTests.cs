using Docusign.Emulator;
using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Tests.Infrastructure;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Outbound.Tests.Groups;

/// <summary>A pushed group's permission profile (GroupPermissionProfiles): set when the group is created, and kept.</summary>
public sealed class GroupPermissionProfileTests
{
    [Fact]
    public async Task A_pushed_group_is_created_with_its_permission_profile_and_gets_it_back_after_a_change_in_Docusign()
    {
        string groupId = "";
        var settings = new Dictionary<string, string?>();
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Contract Viewers").Id;
            settings[$"Rule:GroupPermissionProfiles:{groupId}"] = "docusign viewer";
            return [groupId];
        }, settings);

        var created = scenario.DocusignGroup("Contract Viewers");
        Assert.Equal(PermissionProfiles.ViewerId, created.PermissionProfileId);
        // Set by the create itself, not by a follow-up update.
        Assert.Contains(scenario.DocusignRequests("POST", path => path.EndsWith("/groups", StringComparison.Ordinal)), r => r.RequestBody!.Contains(PermissionProfiles.ViewerId, StringComparison.Ordinal));
        Assert.Empty(scenario.DocusignRequests("PUT", path => path.EndsWith("/groups", StringComparison.Ordinal)));

        // An administrator changes the group's profile in Docusign; the next change of the group sets it back.
        var docusign = scenario.Worker.Services.GetRequiredService<IDocusignClientProvider>().Get(GroupScenario.ConnectionName);
        Assert.Null((await docusign.UpdateGroupsAsync([new DocusignGroupRename(created.GroupId, null, PermissionProfiles.SenderId)]))[0].Error);
        scenario.PingOne.State.RenameGroup(groupId, "Contract Readers");
        await scenario.Changes.DeliverAsync();

        var renamed = scenario.DocusignGroup("Contract Readers");
        Assert.Equal((created.GroupId, PermissionProfiles.ViewerId), (renamed.GroupId, renamed.PermissionProfileId));
    }

    [Fact]
    public async Task A_group_whose_permission_profile_the_account_does_not_have_fails_naming_the_setting()
    {
        string groupId = "";
        var settings = new Dictionary<string, string?>();
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Auditors").Id;
            settings[$"Rule:GroupPermissionProfiles:{groupId}"] = "Auditor Profile";
            return [groupId];
        }, settings);

        var outcome = await scenario.Store.Ledger.GetAsync(GroupScenario.RuleName, EntityKind.Group, groupId, CancellationToken.None);

        Assert.Equal((SyncOutcome.Failed, "PERMISSION_PROFILE_NOT_FOUND"), (outcome?.Outcome, outcome?.ErrorCode));
        Assert.Contains($"GroupPermissionProfiles:{groupId}", outcome!.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(scenario.Docusign.State.FindGroupByName("Auditors"));
    }
}
