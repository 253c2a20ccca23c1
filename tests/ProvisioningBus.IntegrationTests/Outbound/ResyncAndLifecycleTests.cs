using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PingOne.Emulator.Directory;
using ProvisioningBus.Contracts;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.Core.Status;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;
using Xunit.Abstractions;

namespace ProvisioningBus.IntegrationTests.Outbound;

[Collection(RabbitMqCollection.Name)]
public sealed class ResyncAndLifecycleTests(RabbitMqFixture broker, ITestOutputHelper output)
{
    [Fact]
    public async Task A_full_resync_repairs_changes_whose_webhooks_were_lost()
    {
        const string Rule = "resync";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var pingOne = testbed.PingOne.State;
        var kept = pingOne.CreateUser("kept", "kept@example.com", new EmulatedUserName("Kept", "User"), title: "Analyst");
        var removed = pingOne.CreateUser("removed", "removed@example.com", new EmulatedUserName("Removed", "User"));
        await testbed.WaitForUserAsync(Rule, kept.Email!, _ => true, "the first user is provisioned");
        await testbed.WaitForUserAsync(Rule, removed.Email!, _ => true, "the second user is provisioned");
        await testbed.PingOne.WaitForDeliveryAsync(TimeSpan.FromSeconds(30));
        foreach (var user in new[] { kept, removed })
        {
            await Eventually.MatchesAsync<EntityOutcome?>(() => testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, user.Id, default), outcome => outcome?.Outcome == SyncOutcome.Success, TimeSpan.FromSeconds(30), "the provisioning is recorded");
        }

        // Webhooks lost: the subscription is paused and never resumed.
        testbed.PingOne.SetSubscriptionEnabled(testbed.SubscriptionId, false);
        pingOne.UpdateUser(kept.Id, new EmulatedUserChanges { Title = "Director" });
        var added = pingOne.CreateUser("added", "added@example.com", new EmulatedUserName("Added", "User"));
        pingOne.DeleteUser(removed.Id);

        var previous = (await testbed.Store.SyncRuns.GetLatestAsync(Rule, default))?.RunId;
        await testbed.PublishAsync(new SyncRule { RuleName = Rule, Kind = SyncKind.FullResync, RequestedBy = "test", RequestedAt = DateTimeOffset.UtcNow });
        var run = await Eventually.MatchesAsync(
            () => testbed.Store.SyncRuns.GetLatestAsync(Rule, default),
            r => r is { Kind: SyncRunKind.FullResync, Status: not SyncRunStatus.Running } && r.RunId != previous,
            TimeSpan.FromSeconds(30),
            "the requested full resync completes");
        Assert.Equal(SyncRunStatus.Succeeded, run!.Status);
        output.WriteLine($"resync counts: {run.Counts}");
        Assert.Equal(new SyncRunCounts { Created = 1, Updated = 1, Closed = 1 }, run.Counts);
        Assert.Equal("Director", Assert.Single(testbed.UsersByEmail(Rule, kept.Email!)).JobTitle);
        Assert.Equal("ActivationSent", Assert.Single(testbed.UsersByEmail(Rule, added.Email!)).UserStatus);
        Assert.Equal("Closed", Assert.Single(testbed.UsersByEmail(Rule, removed.Email!)).UserStatus);

        var removedOutcome = await testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, removed.Id, default);
        Assert.True(removedOutcome is null, $"the deleted user leaves the ledger, found {removedOutcome}");
        var status = (await testbed.StatusAsync(Rule))!;
        Assert.Equal(RuleSyncState.Active, status.Status);
        Assert.NotNull(status.LastSyncAt);
        Assert.Equal(new OutcomeCounts(2, 2, 0, 0, 0, 0), status.Users);
    }

    [Fact]
    public async Task A_disabled_connection_writes_nothing_and_enabling_it_again_resyncs_what_was_missed()
    {
        const string Rule = "toggle";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        await testbed.StopWorkersAsync();
        testbed.Settings[$"Docusign:Connections:{Rule}:Enabled"] = "false";
        await testbed.StartWorkerAsync();

        var user = testbed.PingOne.State.CreateUser("late", "late@example.com", new EmulatedUserName("Late", "Comer"));
        var skipped = await Eventually.MatchesAsync<EntityOutcome?>(
            () => testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, user.Id, default),
            outcome => outcome is not null,
            TimeSpan.FromSeconds(30),
            "the event is recorded while the connection is disabled");
        Assert.Equal(SyncOutcome.Skipped, skipped!.Outcome);
        var status = (await testbed.StatusAsync(Rule))!;
        Assert.Equal((RuleSyncState.Inactive, $"connection {Rule} is disabled"), (status.Status, status.StatusReason));
        Assert.Empty(testbed.UsersByEmail(Rule, user.Email!));
        Assert.DoesNotContain(testbed.Docusign(Rule).State.Requests, r => r.Method is "POST" or "PUT" or "DELETE" && r.Path.Contains("/users", StringComparison.Ordinal));

        await testbed.StopWorkersAsync();
        testbed.Settings[$"Docusign:Connections:{Rule}:Enabled"] = "true";
        await testbed.StartWorkerAsync();

        await testbed.WaitForUserAsync(Rule, user.Email!, u => u.UserStatus == "ActivationSent", "re-enabling the connection reconciles the missed user");
        await Eventually.MatchesAsync(
            () => testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, user.Id, default),
            outcome => outcome?.Outcome == SyncOutcome.Success,
            TimeSpan.FromSeconds(30),
            "the skipped entry becomes a success");
    }

    [Fact]
    public async Task Enabling_the_connection_by_a_configuration_reload_reconciles_at_once_without_a_restart()
    {
        const string Rule = "reloaded";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var key = $"Docusign:Connections:{Rule}:Enabled";
        var configuration = (IConfigurationRoot)testbed.Worker.Services.GetRequiredService<IConfiguration>();
        configuration[key] = testbed.Settings[key] = "false";
        configuration.Reload();

        var user = testbed.PingOne.State.CreateUser("offline", "offline@example.com", new EmulatedUserName("Off", "Line"));
        await Eventually.MatchesAsync<EntityOutcome?>(
            () => testbed.Store.Ledger.GetAsync(Rule, EntityKind.User, user.Id, default),
            outcome => outcome?.Outcome == SyncOutcome.Skipped,
            TimeSpan.FromSeconds(30),
            "the event is recorded skipped while the connection is off");
        Assert.Empty(testbed.UsersByEmail(Rule, user.Email!));

        configuration[key] = testbed.Settings[key] = "true";
        configuration.Reload();

        await testbed.WaitForUserAsync(Rule, user.Email!, u => u.UserStatus == "ActivationSent", "the reload that enables the connection reconciles the skipped user");
        Assert.Single(testbed.Workers);
    }

    [Fact]
    public async Task Deleting_a_rule_closes_its_users_once_when_it_deprovisions_on_deletion()
    {
        const string Deprovisions = "deprovisions";
        const string Keeps = "keeps";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [Deprovisions] = new(Deprovisions, new Dictionary<string, string?> { ["UserActions:DeprovisionOnRuleDeletion"] = "true" }),
            [Keeps] = new(Keeps),
        });
        var users = Enumerable.Range(1, 3)
            .Select(i => testbed.PingOne.State.CreateUser($"member{i}", $"member{i}@example.com", new EmulatedUserName($"Member{i}", "User")))
            .ToList();
        foreach (var user in users)
        {
            await testbed.WaitForUserAsync(Deprovisions, user.Email!, _ => true, "provisioned by the rule to delete");
            await testbed.WaitForUserAsync(Keeps, user.Email!, _ => true, "provisioned by the rule that keeps its users");
        }

        await Eventually.MatchesAsync(() => testbed.Store.RuleStates.ListAsync(default), states => states.Count == 2, TimeSpan.FromSeconds(30), "both rules are remembered");
        await testbed.StopWorkersAsync();
        testbed.RemoveRule(Deprovisions);
        testbed.RemoveRule(Keeps);
        // Two instances start at once: the deletion still happens once.
        await Task.WhenAll(testbed.StartWorkerAsync(), testbed.StartWorkerAsync());

        await Eventually.MatchesAsync(() => testbed.Store.RuleStates.ListAsync(default), states => states.Count == 0, TimeSpan.FromSeconds(30), "deleted rules are forgotten");
        foreach (var user in users)
        {
            Assert.Equal("Closed", Assert.Single(testbed.UsersByEmail(Deprovisions, user.Email!)).UserStatus);
            Assert.Equal("ActivationSent", Assert.Single(testbed.UsersByEmail(Keeps, user.Email!)).UserStatus);
        }

        Assert.Single(testbed.Docusign(Deprovisions).State.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/users", StringComparison.Ordinal));
        Assert.Empty(await ToListAsync(testbed.Store.UserLinks.ListByRuleAsync(Deprovisions, default)));
        Assert.Empty(await ToListAsync(testbed.Store.UserLinks.ListByRuleAsync(Keeps, default)));
        var run = await testbed.Store.SyncRuns.GetLatestAsync(Deprovisions, default);
        Assert.Equal((SyncRunKind.RuleDeletion, SyncRunStatus.Succeeded, 3L), (run!.Kind, run.Status, run.Counts.Closed));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
