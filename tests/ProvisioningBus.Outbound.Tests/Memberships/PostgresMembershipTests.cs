using ProvisioningBus.Outbound.Tests.Infrastructure;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Outbound.Tests.Memberships;

/// <summary>
/// Groups and memberships end to end as deployed: PingOne webhook → gateway → RabbitMQ (one membership event fanned out
/// to the user and membership queues) → consumers → Docusign, on the production store (PostgreSQL). What each consumer
/// does with a message is covered on the in-memory harness in ProvisioningBus.Outbound.Tests.
/// </summary>
[Collection(OutboundGroupsCollection.Name)]
public sealed class PostgresMembershipTests(RabbitMqFixture broker, PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task On_PostgreSQL_a_pushed_group_and_its_members_reach_Docusign_and_the_group_is_deleted_with_them()
    {
        string groupId = "";
        await using var scenario = await DeployedGroupScenario.StartAsync(
            broker,
            (pingOne, _) =>
            {
                groupId = pingOne.State.CreateGroup("Postgres Group").Id;
                return [groupId];
            },
            postgresConnectionString: database.ConnectionString);
        var users = await scenario.ProvisionUsersAsync(["pg-ann", "pg-bob"]);
        var group = await scenario.DocusignGroupAsync("Postgres Group", "the pushed group reaches Docusign");

        foreach (var user in users)
        {
            scenario.PingOne.State.AddMember(user.PingOneUserId, groupId);
        }

        await Eventually.MatchesAsync(() => scenario.DocusignMembers(group.GroupId), members => members.Count == 2, Timeout, "both members reach Docusign");
        await Eventually.MatchesAsync(
            async () => await scenario.Store.Memberships.ListByGroupAsync(DeployedGroupScenario.RuleName, groupId, CancellationToken.None).CountAsync(),
            count => count == 2,
            Timeout,
            "PostgreSQL tracks both applied memberships");
        var outcome = await scenario.Store.Ledger.GetAsync(DeployedGroupScenario.RuleName, EntityKind.Group, groupId, CancellationToken.None);
        Assert.Equal(SyncOutcome.Success, outcome?.Outcome);

        scenario.PingOne.State.DeleteGroup(groupId);

        await Eventually.MatchesAsync(() => scenario.Docusign.State.FindGroup(group.GroupId), found => found is null, Timeout, "the Docusign group is deleted");
        var memberships = await Eventually.MatchesAsync(
            async () => await scenario.Store.Memberships.ListByGroupAsync(DeployedGroupScenario.RuleName, groupId, CancellationToken.None).CountAsync(),
            count => count == 0,
            Timeout,
            "the deleted group's applied memberships are forgotten");
        Assert.Equal(0, memberships);
    }
}
