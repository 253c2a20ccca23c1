using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.Sync;

[Collection(InboundBrokerCollection.Name)]
public sealed class MassDeletionGuardTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_mass_disappearance_deletes_nothing_until_an_operator_approves_it()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var engineers = Enumerable.Range(1, 8).Select(i => scenario.SeedDocusignUser($"Eng{i}", "Staff")).ToList();
        var worker = await scenario.StartWorkerAsync(new Dictionary<string, string?>
        {
            ["UserFilter:Conditions:0:Attribute"] = "jobTitle",
            ["UserFilter:Conditions:0:Value"] = "Engineer",
            ["MassDeletionGuard:MaxDeletions"] = "3",
            ["MassDeletionGuard:MaxDeletionPercent"] = "100",
        });
        await scenario.WaitForPingOneAsync(users => users.Count == 8, "the initial sync provisions the eight engineers");
        await Eventually.MatchesAsync(
            () => worker.Store.InboundLinks.ListByRuleAsync(InboundScenario.RuleName, CancellationToken.None).CountAsync().AsTask(),
            links => links == 8,
            TimeSpan.FromSeconds(30),
            "the consumer links the eight users it created");

        // Five leave the rule's filter at once (as a wrong filter or a half-empty page would make them), one is renamed.
        foreach (var leaving in engineers.Take(5))
        {
            await worker.Docusign.UpdateUserAsync(new DocusignUserUpdate(leaving.UserId) { JobTitle = "Contractor" });
        }

        var staying = engineers[7];
        await worker.Docusign.UpdateUserAsync(new DocusignUserUpdate(staying.UserId) { FirstName = "Renamed" });

        var guarded = await worker.SyncNowAsync();

        Assert.Equal(SyncRunStatus.AwaitingApproval, guarded.Run?.Status);
        Assert.Contains("MaxDeletions 3", guarded.Run!.Error, StringComparison.Ordinal);
        await scenario.WaitForPingOneAsync(
            users => users.TryGetValue(staying.UserId, out var user) && user.Name?.Given == "Renamed",
            "changes still go while the deletions wait");
        Assert.Equal(8, scenario.ProvisionedInPingOne().Count);
        var status = await worker.Status.ReadRuleAsync(InboundScenario.RuleName, CancellationToken.None);
        var pending = status!.PendingApprovalSnapshotId ?? throw new InvalidOperationException("no pending approval recorded");
        Assert.Contains("5 of 8", status.PendingApprovalReason, StringComparison.Ordinal);

        var again = await worker.SyncNowAsync();

        Assert.Equal(SyncRunStatus.AwaitingApproval, again.Run?.Status);
        Assert.Equal(pending, (await worker.Status.ReadRuleAsync(InboundScenario.RuleName, CancellationToken.None))!.PendingApprovalSnapshotId);
        Assert.Equal(8, scenario.ProvisionedInPingOne().Count);

        await worker.Commands.ApproveDeletionsAsync(InboundScenario.RuleName, pending, "test-operator", CancellationToken.None);

        var remaining = await scenario.WaitForPingOneAsync(users => users.Count == 3, "the approved deletions are applied");
        Assert.Equal(engineers.Skip(5).Select(e => e.UserId).Order(StringComparer.Ordinal), remaining.Keys.Order(StringComparer.Ordinal));
        var approvedState = await Eventually.MatchesAsync(
            () => worker.Store.RuleStates.GetAsync(InboundScenario.RuleName, CancellationToken.None),
            state => state?.PendingApprovalSnapshotId is null,
            TimeSpan.FromSeconds(30),
            "the approval clears the pending deletions");
        Assert.Null(approvedState!.PendingApprovalReason);
        Assert.Equal(3, await worker.Store.InboundSnapshots.CountAsync(InboundScenario.RuleName, CancellationToken.None));
    }
}
