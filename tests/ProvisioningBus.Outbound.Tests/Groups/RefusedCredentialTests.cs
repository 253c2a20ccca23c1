using PingOne.Emulator.Directory;
using ProvisioningBus.Outbound.Tests.Infrastructure;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Outbound.Tests.Groups;

/// <summary>
/// An authentication failure is the connection's, not the entity's: a group change meets it exactly as a user change
/// does, retried and left out of the ledger until the connection is fixed, then applied.
/// </summary>
[Collection(OutboundGroupsCollection.Name)]
public sealed class RefusedCredentialTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task With_a_refused_Docusign_credential_a_group_change_is_retried_like_a_user_change_and_applied_once_the_connection_is_fixed()
    {
        string groupId = "";
        string userId = "";
        await using var scenario = await DeployedGroupScenario.StartAsync(
            broker,
            (pingOne, _) =>
            {
                groupId = pingOne.State.CreateGroup("Finance").Id;
                userId = pingOne.State.CreateUser("grace", "grace@example.com", new EmulatedUserName(Given: "Grace", Family: "Hopper")).Id;
                return [groupId];
            },
            // A refresh token Docusign no longer accepts, as after a revoked consent: every token request is invalid_grant.
            new Dictionary<string, string?> { [$"Docusign:Connections:{DeployedGroupScenario.ConnectionName}:RefreshToken"] = "revoked-refresh-token" });

        // Both changes were delivered and each has been tried more than once (the start-up resync asks for a token too).
        await scenario.PingOne.WaitForDeliveryAsync(Timeout);
        await Eventually.MatchesAsync(
            () => scenario.Docusign.State.TokenRequestCount, count => count >= 5, Timeout, "the group and user changes are retried against the refusing token endpoint");

        Assert.Equal(0, scenario.Docusign.State.RefreshCount);
        Assert.Null(scenario.Docusign.State.FindGroupByName("Finance"));
        Assert.Empty(scenario.Docusign.State.FindUsersByEmail("grace@example.com"));
        // Neither acknowledged as done nor recorded as the entity's failure: the ledger has no word on either.
        Assert.Null(await scenario.Store.Ledger.GetAsync(DeployedGroupScenario.RuleName, EntityKind.Group, groupId, CancellationToken.None));
        Assert.Null(await scenario.Store.Ledger.GetAsync(DeployedGroupScenario.RuleName, EntityKind.User, userId, CancellationToken.None));

        // An operator fixes the connection: a refresh token Docusign accepts lands in the shared store.
        Assert.True(await scenario.Store.RefreshTokens.SaveAsync(
            DeployedGroupScenario.ConnectionName, null, scenario.Docusign.State.CurrentRefreshToken, CancellationToken.None));

        await scenario.DocusignGroupAsync("Finance", "the retried group change is applied once the credential works");
        await Eventually.MatchesAsync(
            () => scenario.Docusign.State.FindUsersByEmail("grace@example.com"),
            users => users.Count == 1,
            Timeout,
            "the retried user change is applied once the credential works");
        var groupOutcome = await Eventually.MatchesAsync<EntityOutcome?>(
            async () => await scenario.Store.Ledger.GetAsync(DeployedGroupScenario.RuleName, EntityKind.Group, groupId, CancellationToken.None),
            found => found is not null,
            Timeout,
            "the group's outcome is recorded once it is applied");
        Assert.Equal(SyncOutcome.Success, groupOutcome!.Outcome);
        var userOutcome = await Eventually.MatchesAsync<EntityOutcome?>(
            async () => await scenario.Store.Ledger.GetAsync(DeployedGroupScenario.RuleName, EntityKind.User, userId, CancellationToken.None),
            found => found is not null,
            Timeout,
            "the user's outcome is recorded once it is applied");
        Assert.Equal(SyncOutcome.Success, userOutcome!.Outcome);
    }
}
