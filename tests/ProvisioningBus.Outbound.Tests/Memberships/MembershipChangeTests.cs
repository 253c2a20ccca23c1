using Docusign.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Outbound.Tests.Infrastructure;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;
using ProvisioningBus.State.Memberships;
using Xunit.Abstractions;

namespace ProvisioningBus.Outbound.Tests.Memberships;

public sealed class MembershipChangeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Adding_and_removing_a_member_in_PingOne_adds_and_removes_it_in_the_Docusign_group()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Reviewers").Id;
            return [groupId];
        });
        var users = await scenario.ProvisionUsersAsync(["ann", "bob"]);
        var group = scenario.DocusignGroup("Reviewers");

        scenario.PingOne.State.AddMember(users[0].PingOneUserId, groupId);
        scenario.PingOne.State.AddMember(users[1].PingOneUserId, groupId);
        await scenario.Changes.DeliverAsync();
        Assert.Equal(Ids(users), scenario.DocusignMembers(group.GroupId));

        scenario.PingOne.State.RemoveMember(users[0].PingOneUserId, groupId);
        await scenario.Changes.DeliverAsync();
        Assert.Equal([users[1].DocusignUserId], scenario.DocusignMembers(group.GroupId));

        var applied = await scenario.Store.Memberships.ListByGroupAsync(GroupScenario.RuleName, groupId, CancellationToken.None).ToListAsync();
        Assert.Equal(users[1].PingOneUserId, Assert.Single(applied).PingOneUserId);

        // Each add and remove is a line of the provisioning log (written in the background, so waited for).
        var logged = await Eventually.MatchesAsync(
            async () => (await scenario.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(GroupScenario.RuleName, Limit: ProvisioningLogQuery.MaxLimit), CancellationToken.None)).Entries
                .Where(entry => entry.EntityType == "membership").Select(entry => (entry.EntityId, entry.Action, entry.Outcome)).ToList(),
            entries => entries.Count == 3,
            Timeout,
            "two adds and one remove are logged");
        Assert.Equal(2, logged.Count(entry => entry.Action == "add"));
        Assert.Equal(($"{groupId}/{users[0].PingOneUserId}", "remove", "success"), Assert.Single(logged, entry => entry.Action == "remove"));
    }

    [Fact]
    public async Task A_membership_change_through_a_disabled_connection_is_recorded_skipped_on_its_group()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            groupId = pingOne.State.CreateGroup("Approvers").Id;
            return [groupId];
        });
        var users = await scenario.ProvisionUsersAsync(["cy"]);
        var group = scenario.DocusignGroup("Approvers");
        scenario.Worker.Services.GetRequiredService<IConfiguration>()[$"Docusign:Connections:{GroupScenario.ConnectionName}:Enabled"] = "false";

        scenario.PingOne.State.AddMember(users[0].PingOneUserId, groupId);
        await scenario.Changes.DeliverAsync();

        Assert.Empty(scenario.DocusignMembers(group.GroupId));
        var outcome = await scenario.Store.Ledger.GetAsync(GroupScenario.RuleName, EntityKind.Group, groupId, CancellationToken.None);
        Assert.Equal((SyncOutcome.Skipped, "CONNECTION_DISABLED"), (outcome?.Outcome, outcome?.ErrorCode));
    }

    [Fact]
    public async Task A_user_deprovisioned_for_leaving_the_scope_leaves_its_Docusign_groups_too()
    {
        string groupId = "";
        await using var scenario = await GroupScenario.StartAsync(
            (pingOne, _) =>
            {
                groupId = pingOne.State.CreateGroup("Reviewers").Id;
                return [groupId];
            },
            new Dictionary<string, string?>
            {
                ["Rule:Scope:Conditions:0:Attribute"] = "name.family",
                ["Rule:Scope:Conditions:0:Value"] = "Tester",
            });
        var users = await scenario.ProvisionUsersAsync(["ann", "bob"]);
        var group = scenario.DocusignGroup("Reviewers");
        scenario.PingOne.State.AddMember(users[0].PingOneUserId, groupId);
        scenario.PingOne.State.AddMember(users[1].PingOneUserId, groupId);
        await scenario.Changes.DeliverAsync();
        Assert.Equal(Ids(users), scenario.DocusignMembers(group.GroupId));

        // Ann leaves the scope but stays in the PingOne group: no membership event will take her out of the Docusign one.
        scenario.PingOne.State.UpdateUser(users[0].PingOneUserId, new global::PingOne.Emulator.Directory.EmulatedUserChanges { Name = new global::PingOne.Emulator.Directory.EmulatedUserName("ann", "Leaver") });
        await scenario.Changes.DeliverAsync();

        Assert.Equal("Closed", scenario.Docusign.State.FindUser(users[0].DocusignUserId)!.UserStatus);
        Assert.Equal([users[1].DocusignUserId], scenario.DocusignMembers(group.GroupId));
        var applied = await scenario.Store.Memberships.ListByUserAsync(GroupScenario.RuleName, users[0].PingOneUserId, CancellationToken.None).ToListAsync();
        Assert.Empty(applied);
    }

    [Fact]
    public async Task Two_hundred_membership_changes_over_four_groups_take_a_handful_of_bulk_calls()
    {
        var groupIds = new List<string>();
        await using var scenario = await GroupScenario.StartAsync((pingOne, _) =>
        {
            groupIds.AddRange(Enumerable.Range(0, 4).Select(i => pingOne.State.CreateGroup($"Batch Group {i}").Id));
            return groupIds;
        });
        var users = await scenario.ProvisionUsersAsync(Enumerable.Range(0, 45).Select(i => $"batch-user-{i:00}"));
        var groups = Enumerable.Range(0, groupIds.Count).Select(i => scenario.DocusignGroup($"Batch Group {i}")).ToList();

        // 180 adds then 20 removes: 200 changes, 40 members per group in the end.
        foreach (var user in users)
        {
            foreach (var groupId in groupIds)
            {
                scenario.PingOne.State.AddMember(user.PingOneUserId, groupId);
            }
        }

        var leaving = users.Take(5).ToList();
        foreach (var user in leaving)
        {
            foreach (var groupId in groupIds)
            {
                scenario.PingOne.State.RemoveMember(user.PingOneUserId, groupId);
            }
        }

        await scenario.Changes.DeliverAsync();

        var expected = Ids(users.Skip(5));
        foreach (var group in groups)
        {
            Assert.Equal(expected, scenario.DocusignMembers(group.GroupId));
        }

        var memberCalls = groups.Select(group => $"/groups/{group.GroupId}/users").ToList();
        var puts = scenario.DocusignRequests("PUT", path => memberCalls.Any(path.EndsWith));
        var deletes = scenario.DocusignRequests("DELETE", path => memberCalls.Any(path.EndsWith));
        output.WriteLine($"200 membership changes over 4 groups: {puts.Count} PUT and {deletes.Count} DELETE member calls");
        Assert.InRange(puts.Count, groups.Count, 12);
        Assert.InRange(deletes.Count, 0, 12);
    }

    [Fact]
    public async Task A_membership_of_a_user_out_of_the_rule_scope_is_not_pushed()
    {
        string groupId = "";
        string staffPopulationId = "";
        var settings = new Dictionary<string, string?>
        {
            ["Rule:Scope:Conditions:0:Attribute"] = "population.id",
            ["Outbound:Memberships:UnprovisionedUserGracePeriod"] = "00:00:01",
        };
        await using var scenario = await GroupScenario.StartAsync(
            (pingOne, _) =>
            {
                staffPopulationId = pingOne.State.CreatePopulation("Staff").Id;
                settings["Rule:Scope:Conditions:0:Value"] = staffPopulationId;
                groupId = pingOne.State.CreateGroup("Staff Only").Id;
                return [groupId];
            },
            settings);
        var inScope = (await scenario.ProvisionUsersAsync(["staff-member"], staffPopulationId))[0];
        var outOfScope = scenario.PingOne.State.CreateUser("contractor", "contractor@example.com");
        var group = scenario.DocusignGroup("Staff Only");

        scenario.PingOne.State.AddMember(outOfScope.Id, groupId);
        scenario.PingOne.State.AddMember(inScope.PingOneUserId, groupId);
        await scenario.Changes.DeliverAsync();

        Assert.Equal([inScope.DocusignUserId], scenario.DocusignMembers(group.GroupId));
        Assert.False(await scenario.Store.Memberships.ExistsAsync(new AppliedMembership(GroupScenario.RuleName, groupId, outOfScope.Id), CancellationToken.None));
    }

    [Fact]
    public async Task One_failed_membership_update_marks_only_its_group_failed_in_the_sync_summary()
    {
        var groupIds = new List<string>();
        await using var scenario = await GroupScenario.StartAsync(
            (pingOne, _) =>
            {
                groupIds.AddRange(Enumerable.Range(0, 5).Select(i => pingOne.State.CreateGroup($"Summary Group {i}").Id));
                return groupIds;
            },
            // The client's and the consumer's retries of the injected 503s would only make the test (and its shutdown) wait.
            new Dictionary<string, string?>
            {
                [$"Docusign:Connections:{GroupScenario.ConnectionName}:TransientRetryCount"] = "0",
                ["Resilience:Redelivery:Ceiling"] = "00:00:02",
            });
        var member = (await scenario.ProvisionUsersAsync(["summary-member"]))[0];
        var groups = Enumerable.Range(0, groupIds.Count).Select(i => scenario.DocusignGroup($"Summary Group {i}")).ToList();

        var failing = groups[2];
        scenario.Docusign.State.SetFaults(new EmulatorFaultSettings
        {
            PathPrefix = $"/restapi/v2.1/accounts/{scenario.Docusign.AccountId}/groups/{failing.GroupId}/users",
            ServerErrorRate = 1,
        });
        foreach (var groupId in groupIds)
        {
            scenario.PingOne.State.AddMember(member.PingOneUserId, groupId);
        }

        // The failing group's batch ends in a fault after its retries: publish without waiting for a clean consumption.
        await scenario.Changes.PublishAsync();

        foreach (var group in groups.Where(group => group != failing))
        {
            await Eventually.MatchesAsync(
                () => scenario.DocusignMembers(group.GroupId),
                members => members.SequenceEqual([member.DocusignUserId]),
                Timeout,
                $"the member reaches {group.GroupName}, whose calls succeed");
        }

        var summary = await Eventually.MatchesAsync(
            () => scenario.Store.Ledger.GetSummaryAsync(GroupScenario.RuleName, CancellationToken.None),
            found => found.Groups.Failed == 1 && found.Groups.Success == 4,
            Timeout,
            "four groups succeed and the one whose member call fails is Failed");

        Assert.Equal(5, summary.Groups.Impacted);
        var failed = await scenario.Store.Ledger.GetAsync(GroupScenario.RuleName, EntityKind.Group, groupIds[2], CancellationToken.None);
        Assert.Equal(SyncOutcome.Failed, failed!.Outcome);
        Assert.Equal("SERVICE_UNAVAILABLE", failed.ErrorCode);
        Assert.Empty(scenario.DocusignMembers(failing.GroupId));
    }

    private static IReadOnlyList<string> Ids(IEnumerable<ProvisionedUser> users) =>
        [.. users.Select(user => user.DocusignUserId).Order(StringComparer.Ordinal)];
}
