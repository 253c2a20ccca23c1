using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>Mission §4 through a running worker: a rule cannot move to another account; deleted, its name is free again.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class FixedRuleEndpointTests(RabbitMqFixture broker)
{
    private const string Moving = "moving";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_worker_refuses_a_rule_moved_to_another_account_and_a_deleted_rule_can_be_created_again_on_it()
    {
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [Moving] = new("first"),
            ["stays"] = new("second"),
        });
        await Eventually.MatchesAsync<State.Rules.RuleState?>(async () => await testbed.Store.RuleStates.GetAsync(Moving, default), state => state is not null, Timeout, "the rule is reconciled once");
        var environment = testbed.Settings[$"Outbound:Rules:{Moving}:SourceEnvironmentId"];
        await testbed.StopWorkersAsync();

        testbed.Settings[$"Outbound:Rules:{Moving}:TargetConnection"] = "second";
        var refused = await Assert.ThrowsAnyAsync<Exception>(testbed.StartWorkerAsync);
        Assert.Contains("Outbound:Rules:moving:TargetConnection is 'second', but the rule was created with 'first'", ServiceDefaults.ServiceStartup.Describe(refused), StringComparison.Ordinal);

        // The fix the message names: delete the rule (remove it, start once), then create it again.
        testbed.RemoveRule(Moving);
        await testbed.StartWorkerAsync();
        await Eventually.MatchesAsync(() => testbed.Store.RuleEndpoints.ListAsync(default), endpoints => endpoints.All(e => e.Rule != Moving), Timeout, "the deleted rule's connection is forgotten");
        await testbed.StopWorkersAsync();
        testbed.Settings[$"Outbound:Rules:{Moving}:SourceEnvironmentId"] = environment;
        testbed.Settings[$"Outbound:Rules:{Moving}:TargetConnection"] = "second";
        await testbed.StartWorkerAsync();

        var endpoints = await testbed.Store.RuleEndpoints.ListAsync(default);
        Assert.Equal("second", Assert.Single(endpoints, e => e.Rule == Moving).Connection);
    }
}
