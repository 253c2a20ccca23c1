using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.RuleDeletion;

[Collection(InboundBrokerCollection.Name)]
public sealed class DeletedInboundRuleTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Deleting_a_rule_that_deprovisions_deletes_its_PingOne_users_and_forgets_it()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var provisioned = await ProvisionAllAsync(scenario, new Dictionary<string, string?> { ["DeprovisionOnRuleDeletion"] = "true" });
        var bystander = scenario.PingOne.State.CreateUser("bystander", "bystander@example.com");

        var worker = await scenario.StartWorkerWithoutRuleAsync();

        await WaitForgottenAsync(worker);
        Assert.Empty(scenario.ProvisionedInPingOne());
        Assert.Contains(scenario.PingOne.State.Users(), user => user.Id == bystander.Id);
        await AssertNothingStoredAsync(worker);
        var runs = await worker.RunsAsync();
        Assert.Contains(runs, run => run.Kind == SyncRunKind.RuleDeletion && run.Status == SyncRunStatus.Succeeded && run.Counts.Closed == provisioned);
    }

    [Fact]
    public async Task Two_workers_starting_together_without_the_rule_deprovision_it_once()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var provisioned = await ProvisionAllAsync(scenario, new Dictionary<string, string?> { ["DeprovisionOnRuleDeletion"] = "true" });

        var workers = await Task.WhenAll(scenario.StartWorkerWithoutRuleAsync(), scenario.StartWorkerWithoutRuleAsync());

        await WaitForgottenAsync(workers[0]);
        Assert.Empty(scenario.ProvisionedInPingOne());
        var deletions = (await workers[1].RunsAsync()).Where(run => run.Kind == SyncRunKind.RuleDeletion).ToList();
        Assert.Equal(provisioned, Assert.Single(deletions).Counts.Closed);
    }

    [Fact]
    public async Task Turning_deprovisioning_on_is_remembered_at_the_next_start_without_a_resync()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        await ProvisionAllAsync(scenario, null);

        var reconfigured = await scenario.StartWorkerAsync(new Dictionary<string, string?> { ["DeprovisionOnRuleDeletion"] = "true" });
        var remembered = await Eventually.MatchesAsync<RuleState?>(
            () => reconfigured.Store.RuleStates.GetAsync(InboundScenario.RuleName, CancellationToken.None),
            state => state is not null && state.ConfigHash.Contains(";deprovision=Delete", StringComparison.Ordinal),
            Patience,
            "the worker remembers that the rule now deprovisions");
        Assert.NotNull(remembered);
        // Only the initial sync ran: the start-up remembered it, not a run, and the changed fact called for no resync.
        Assert.All(await reconfigured.RunsAsync(), run => Assert.Equal(SyncRunKind.Initial, run.Kind));
        await reconfigured.StopAsync();

        var worker = await scenario.StartWorkerWithoutRuleAsync();

        await WaitForgottenAsync(worker);
        Assert.Empty(scenario.ProvisionedInPingOne());
    }

    [Fact]
    public async Task Deleting_a_rule_that_does_not_deprovision_leaves_its_PingOne_users_and_forgets_it()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var provisioned = await ProvisionAllAsync(scenario, null);

        var worker = await scenario.StartWorkerWithoutRuleAsync();

        await WaitForgottenAsync(worker);
        var left = scenario.ProvisionedInPingOne();
        Assert.Equal(provisioned, left.Count);
        Assert.All(left.Values, user => Assert.True(user.Enabled));
        await AssertNothingStoredAsync(worker);
    }

    [Fact]
    public async Task Deleting_a_rule_whose_remove_action_is_disable_disables_its_PingOne_users()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var provisioned = await ProvisionAllAsync(scenario, new Dictionary<string, string?> { ["DeprovisionOnRuleDeletion"] = "true", ["RemoveAction"] = "Disable" });

        var worker = await scenario.StartWorkerWithoutRuleAsync();

        await WaitForgottenAsync(worker);
        var left = scenario.ProvisionedInPingOne();
        Assert.Equal(provisioned, left.Count);
        Assert.All(left.Values, user => Assert.False(user.Enabled));
        await AssertNothingStoredAsync(worker);
    }

    [Fact]
    public async Task A_deleted_rule_removing_more_users_than_the_guard_allows_waits_for_approval()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var provisioned = await ProvisionAllAsync(scenario, new Dictionary<string, string?> { ["DeprovisionOnRuleDeletion"] = "true" });

        var worker = await scenario.StartWorkerWithoutRuleAsync(new Dictionary<string, string?> { ["Inbound:DeletedRuleGuard:MaxDeletions"] = "2" });

        var held = await Eventually.MatchesAsync(
            () => worker.Store.RuleStates.GetAsync(InboundScenario.RuleName, CancellationToken.None),
            state => state?.PendingApprovalSnapshotId is not null,
            Patience,
            "the guard holds the deleted rule's deletions");
        Assert.Contains("MaxDeletions 2", held!.PendingApprovalReason, StringComparison.Ordinal);
        Assert.Equal(provisioned, scenario.ProvisionedInPingOne().Count);
        Assert.Equal(provisioned, await worker.Store.InboundLinks.ListByRuleAsync(InboundScenario.RuleName, CancellationToken.None).CountAsync());

        await worker.Commands.ApproveDeletionsAsync(InboundScenario.RuleName, held.PendingApprovalSnapshotId!.Value, "test-operator", CancellationToken.None);

        await WaitForgottenAsync(worker);
        Assert.Empty(scenario.ProvisionedInPingOne());
        await AssertNothingStoredAsync(worker);
    }

    /// <summary>
    /// Three users seeded, every user of the account (the emulator's admin too) provisioned and linked by the rule, its
    /// state stored, then the worker stopped.
    /// </summary>
    private static async Task<int> ProvisionAllAsync(InboundScenario scenario, IDictionary<string, string?>? rule)
    {
        foreach (var name in new[] { "Ada", "Grace", "Linus" })
        {
            scenario.SeedDocusignUser(name, "Staff");
        }

        var account = scenario.Docusign.State.Users.Count;
        var worker = await scenario.StartWorkerAsync(rule);
        await scenario.WaitForPingOneAsync(users => users.Count == account, "the initial sync provisions the account's users");
        await Eventually.MatchesAsync(
            () => worker.Store.InboundLinks.ListByRuleAsync(InboundScenario.RuleName, CancellationToken.None).CountAsync().AsTask(),
            links => links == account,
            Patience,
            "the consumer links the users it created");
        await Eventually.MatchesAsync(
            () => worker.Store.RuleStates.GetAsync(InboundScenario.RuleName, CancellationToken.None),
            state => state?.DailySyncTimeOfDay is not null,
            Patience,
            "the initial sync stores the rule's state");
        await worker.StopAsync();
        return account;
    }

    private static Task<RuleState?> WaitForgottenAsync(RunningInboundWorker worker) =>
        Eventually.MatchesAsync<RuleState?>(
            () => worker.Store.RuleStates.GetAsync(InboundScenario.RuleName, CancellationToken.None),
            state => state is null,
            Patience,
            "the worker started without the rule forgets it");

    private static async Task AssertNothingStoredAsync(RunningInboundWorker worker)
    {
        Assert.Equal(0, await worker.Store.InboundLinks.ListByRuleAsync(InboundScenario.RuleName, CancellationToken.None).CountAsync());
        Assert.Equal(0, await worker.Store.InboundSnapshots.CountAsync(InboundScenario.RuleName, CancellationToken.None));
        Assert.Null(await worker.Store.InboundPollCursors.GetAsync(InboundScenario.RuleName, CancellationToken.None));
        Assert.DoesNotContain(await worker.Store.RuleEndpoints.ListAsync(CancellationToken.None), endpoint => endpoint.Rule == InboundScenario.RuleName);
        Assert.DoesNotContain(await worker.Store.RuleStates.ListAsync(CancellationToken.None), state => state.Direction == RuleDirection.Inbound);
    }
}
