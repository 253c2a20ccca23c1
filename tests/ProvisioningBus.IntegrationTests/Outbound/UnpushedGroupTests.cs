using ProvisioningBus.Contracts;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.State.Groups;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>
/// A PingOne group taken out of a rule's Groups to push: its Docusign group is deleted at the worker's next start, or,
/// under <c>RemovedGroupAction: Unlink</c>, left in Docusign with the rule forgetting it.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class UnpushedGroupTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_group_removed_from_Groups_to_push_is_deleted_in_Docusign_or_only_unlinked()
    {
        const string Deleting = "deleting";
        const string Unlinking = "unlinking";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [Deleting] = new(Deleting),
            [Unlinking] = new(Unlinking, new Dictionary<string, string?> { ["RemovedGroupAction"] = "Unlink" }),
        });
        var auditors = testbed.PingOne.State.CreateGroup("Auditors").Id;
        var approvers = testbed.PingOne.State.CreateGroup("Approvers").Id;

        await testbed.StopWorkersAsync();
        testbed.Settings[$"Outbound:Rules:{Deleting}:GroupsToPush:0"] = auditors;
        testbed.Settings[$"Outbound:Rules:{Unlinking}:GroupsToPush:0"] = approvers;
        await testbed.StartWorkerAsync();
        foreach (var rule in new[] { Deleting, Unlinking })
        {
            await testbed.PublishAsync(new SyncRule { RuleName = rule, Kind = SyncKind.FullResync, RequestedBy = "test", RequestedAt = DateTimeOffset.UtcNow });
        }

        await Eventually.MatchesAsync<global::Docusign.Emulator.EmulatedGroup?>(() => testbed.Docusign(Deleting).State.FindGroupByName("Auditors"), group => group is not null, Timeout, "Auditors is pushed");
        await Eventually.MatchesAsync<GroupLink?>(
            () => testbed.Store.GroupLinks.GetAsync(Unlinking, approvers, default), link => link is not null, Timeout, "Approvers is pushed and linked");

        await testbed.StopWorkersAsync();
        testbed.Settings.Remove($"Outbound:Rules:{Deleting}:GroupsToPush:0");
        testbed.Settings.Remove($"Outbound:Rules:{Unlinking}:GroupsToPush:0");
        await testbed.StartWorkerAsync();

        await Eventually.MatchesAsync<global::Docusign.Emulator.EmulatedGroup?>(() => testbed.Docusign(Deleting).State.FindGroupByName("Auditors"), group => group is null, Timeout, "Auditors is deleted in Docusign");
        // The link goes once the Docusign group is deleted, a moment after.
        await Eventually.MatchesAsync<GroupLink?>(
            () => testbed.Store.GroupLinks.GetAsync(Deleting, auditors, default), link => link is null, Timeout, "the deleted group's link is forgotten");
        await Eventually.MatchesAsync<GroupLink?>(
            () => testbed.Store.GroupLinks.GetAsync(Unlinking, approvers, default), link => link is null, Timeout, "Approvers is unlinked");
        Assert.NotNull(testbed.Docusign(Unlinking).State.FindGroupByName("Approvers"));
    }
}
