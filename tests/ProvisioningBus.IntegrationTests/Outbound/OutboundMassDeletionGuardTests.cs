using System.Net;
using System.Net.Http.Json;
using PingOne.Emulator.Directory;
using ProvisioningBus.Contracts;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.State.Log;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>
/// A scope change or a deleted rule that would close more of an account than the guard allows waits for an operator:
/// nothing is closed until the hold is approved, an ordinary resync holds again, and the approval closes them all.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class OutboundMassDeletionGuardTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_scope_change_that_would_close_more_users_than_allowed_waits_for_approval()
    {
        const string Rule = "guarded";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [Rule] = new(Rule, new Dictionary<string, string?>
            {
                ["Scope:Conditions:0:Attribute"] = "title",
                ["Scope:Conditions:0:Value"] = "Engineer",
                ["MassDeletionGuard:Enabled"] = "true",
                ["MassDeletionGuard:MaxDeletions"] = "2",
                ["MassDeletionGuard:MaxDeletionPercent"] = "100",
            }),
        });
        var users = await ProvisionAsync(testbed, Rule, count: 4, title: "Engineer");

        // The scope now names a title nobody has: all four users would be closed.
        await using var notifications = await WebhookReceiver.StartAsync();
        await testbed.StopWorkersAsync();
        testbed.Settings[$"Outbound:Rules:{Rule}:Scope:Conditions:0:Value"] = "Astronaut";
        testbed.Settings["Notifications:WebhookUrl"] = notifications.Url.ToString();
        await testbed.StartWorkerAsync();
        var held = await WaitForRunAsync(testbed, Rule, previous: null, SyncRunStatus.AwaitingApproval, "the scope change's resync is held");
        Assert.Contains("Mass-deletion guard", held.Error, StringComparison.Ordinal);
        await notifications.WaitUntilAsync(posts => posts.Any(post => post.Body.Contains("\"event\":\"deletions.held\"", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        Assert.Contains("would close 4 of 4", Assert.Single(notifications.Posts).Body, StringComparison.Ordinal);
        var state = await testbed.Store.RuleStates.GetAsync(Rule, default);
        var holdId = Assert.IsType<Guid>(state!.PendingApprovalSnapshotId);
        Assert.Contains("would close 4 of 4", state.PendingApprovalReason, StringComparison.Ordinal);
        AssertActive(testbed, Rule, users);

        // A resync asked without the approval is held again, under the same hold.
        await testbed.PublishAsync(new SyncRule { RuleName = Rule, Kind = SyncKind.FullResync, RequestedBy = "test", RequestedAt = DateTimeOffset.UtcNow });
        await WaitForRunAsync(testbed, Rule, held.RunId, SyncRunStatus.AwaitingApproval, "an unapproved resync is held again");
        Assert.Equal(holdId, (await testbed.Store.RuleStates.GetAsync(Rule, default))!.PendingApprovalSnapshotId);
        AssertActive(testbed, Rule, users);
        Assert.Single(notifications.Posts); // operators hear of a hold once, not at every run it holds

        var again = (await testbed.Store.SyncRuns.GetLatestAsync(Rule, default))!;
        // The status page's Approve button: the hold the page showed, approved over the admin API. A hold id the page
        // did not show (a newer hold) is refused, so nobody approves deletions they have not seen.
        await using var gateway = await RunningGateway.StartAsync(testbed.VirtualHost.AmqpUri, testbed.Settings);
        using var admin = gateway.CreateAdminClient();
        using var stale = await admin.PostAsJsonAsync($"/api/rules/{Rule}/approve-deletions", new { holdId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var unknown = await admin.PostAsJsonAsync("/api/rules/no-such-rule/approve-deletions", new { holdId });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var approval = await admin.PostAsJsonAsync($"/api/rules/{Rule}/approve-deletions", new { holdId });
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Contains("a full resync applies them", await approval.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var approved = await WaitForRunAsync(testbed, Rule, again.RunId, SyncRunStatus.Succeeded, "the approved resync closes the users");
        Assert.Equal(4L, approved.Counts.Closed);
        foreach (var user in users)
        {
            Assert.Equal("Closed", Assert.Single(testbed.UsersByEmail(Rule, user.Email!)).UserStatus);
        }

        var released = (await testbed.Store.RuleStates.GetAsync(Rule, default))!;
        Assert.Null(released.PendingApprovalSnapshotId);
        Assert.Null(released.PendingApprovalReason);
        var approvals = (await testbed.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(Rule), default)).Entries
            .Where(entry => entry.Action == "approve-deletions").ToList();
        Assert.StartsWith("api ", Assert.Single(approvals).Actor, StringComparison.Ordinal);
        Assert.Contains(holdId.ToString(), approvals[0].Reason, StringComparison.Ordinal);
        using var nothingHeld = await admin.PostAsJsonAsync($"/api/rules/{Rule}/approve-deletions", new { holdId });
        Assert.Equal(HttpStatusCode.Conflict, nothingHeld.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_rule_that_would_close_more_users_than_allowed_waits_for_approval()
    {
        const string Rule = "deleted";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [Rule] = new(Rule, new Dictionary<string, string?> { ["UserActions:DeprovisionOnRuleDeletion"] = "true" }),
        });
        testbed.Settings["Outbound:DeletedRuleGuard:MaxDeletions"] = "2";
        var users = await ProvisionAsync(testbed, Rule, count: 3, title: "Engineer");
        await Eventually.MatchesAsync<RuleState?>(() => testbed.Store.RuleStates.GetAsync(Rule, default), state => state is not null, TimeSpan.FromSeconds(30), "the rule is remembered");

        await testbed.StopWorkersAsync();
        testbed.RemoveRule(Rule);
        await testbed.StartWorkerAsync();
        var held = await WaitForRunAsync(testbed, Rule, previous: null, SyncRunStatus.AwaitingApproval, "the deleted rule's deprovisioning is held");
        Assert.Equal(SyncRunKind.RuleDeletion, held.Kind);
        var state = (await testbed.Store.RuleStates.GetAsync(Rule, default))!;
        Assert.Contains("deleting this rule would close 3 of 3", state.PendingApprovalReason, StringComparison.Ordinal);
        AssertActive(testbed, Rule, users);

        await testbed.PublishAsync(new SyncRule
        {
            RuleName = Rule, Kind = SyncKind.FullResync, RequestedBy = "operator", RequestedAt = DateTimeOffset.UtcNow, ApprovedDeletions = state.PendingApprovalSnapshotId,
        });
        await Eventually.MatchesAsync<RuleState?>(() => testbed.Store.RuleStates.GetAsync(Rule, default), remembered => remembered is null, TimeSpan.FromSeconds(30), "the approved deletion forgets the rule");
        foreach (var user in users)
        {
            Assert.Equal("Closed", Assert.Single(testbed.UsersByEmail(Rule, user.Email!)).UserStatus);
        }
    }

    private static async Task<List<EmulatedUser>> ProvisionAsync(OutboundTestbed testbed, string rule, int count, string title)
    {
        var users = Enumerable.Range(1, count)
            .Select(i => testbed.PingOne.State.CreateUser($"{rule}{i}", $"{rule}{i}@example.com", new EmulatedUserName($"{rule}{i}", "User"), title: title))
            .ToList();
        foreach (var user in users)
        {
            await testbed.WaitForUserAsync(rule, user.Email!, _ => true, "the user is provisioned");
        }

        return users;
    }

    private static void AssertActive(OutboundTestbed testbed, string rule, IEnumerable<EmulatedUser> users)
    {
        foreach (var user in users)
        {
            Assert.NotEqual("Closed", Assert.Single(testbed.UsersByEmail(rule, user.Email!)).UserStatus);
        }
    }

    private static async Task<SyncRun> WaitForRunAsync(OutboundTestbed testbed, string rule, Guid? previous, SyncRunStatus status, string because) =>
        (await Eventually.MatchesAsync(
            () => testbed.Store.SyncRuns.GetLatestAsync(rule, default),
            run => run is not null && run.RunId != previous && run.Status == status,
            TimeSpan.FromSeconds(60),
            because))!;
}
