using PingOne.Emulator.Directory;
using ProvisioningBus.Core.Status;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>Single kinds of PingOne change through the running consumer: enable / disable, email, name; and a failing rule.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class UserChangeKindsTests(RabbitMqFixture broker)
{
    private const string Rule = "people";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task With_MapEnabledToUserStatus_a_disabled_PingOne_user_is_closed_and_reactivated_when_enabled_again()
    {
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [Rule] = new(Rule, new Dictionary<string, string?> { ["MapEnabledToUserStatus"] = "true" }),
        });
        var pingOne = testbed.PingOne.State;
        var ada = pingOne.CreateUser("ada", "ada@enabled.example", new EmulatedUserName("Ada", "Lovelace"), title: "Analyst");
        await testbed.WaitForUserAsync(Rule, ada.Email!, u => u.UserStatus == "ActivationSent", "the enabled user is created");

        pingOne.SetEnabled(ada.Id, false);
        await testbed.WaitForUserAsync(Rule, ada.Email!, u => u.UserStatus == "Closed", "the disabled user is closed");

        pingOne.SetEnabled(ada.Id, true);
        await Eventually.MatchesAsync(
            () => testbed.UsersByEmail(Rule, ada.Email!),
            users => users.Count(u => u.UserStatus != "Closed") == 1,
            Timeout,
            "the enabled-again user is reactivated");
        var link = await testbed.Store.UserLinks.GetAsync(Rule, ada.Id, default);
        Assert.Equal(Assert.Single(testbed.UsersByEmail(Rule, ada.Email!), u => u.UserStatus != "Closed").UserId, link!.DocusignUserId);
    }

    [Fact]
    public async Task Without_MapEnabledToUserStatus_a_disabled_PingOne_user_stays_open()
    {
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var pingOne = testbed.PingOne.State;
        var ada = pingOne.CreateUser("ada", "ada@kept.example", new EmulatedUserName("Ada", "Lovelace"), title: "Analyst");
        await testbed.WaitForUserAsync(Rule, ada.Email!, u => u.UserStatus == "ActivationSent", "the user is created");
        var before = await Eventually.MatchesAsync<State.Ledger.EntityOutcome?>(
            async () => await testbed.Store.Ledger.GetAsync(Rule, State.Ledger.EntityKind.User, ada.Id, default), outcome => outcome is not null, Timeout, "the creation is recorded");

        pingOne.SetEnabled(ada.Id, false);
        await Eventually.MatchesAsync<State.Ledger.EntityOutcome?>(
            async () => await testbed.Store.Ledger.GetAsync(Rule, State.Ledger.EntityKind.User, ada.Id, default),
            outcome => outcome is not null && outcome.At > before!.At,
            Timeout,
            "the disable event is processed");

        Assert.Equal("ActivationSent", Assert.Single(testbed.UsersByEmail(Rule, ada.Email!)).UserStatus);
    }

    [Fact]
    public async Task An_email_change_a_letter_case_only_email_change_and_a_name_change_each_reach_Docusign()
    {
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var pingOne = testbed.PingOne.State;
        var lin = pingOne.CreateUser("lin", "lin@changes.example", new EmulatedUserName("Lin", "Chen"), title: "Analyst");
        var docusignId = (await testbed.WaitForUserAsync(Rule, lin.Email!, u => u.UserStatus == "ActivationSent", "the user is created"))[0].UserId;

        pingOne.UpdateUser(lin.Id, new EmulatedUserChanges { Email = "Lin@Changes.Example" });
        await testbed.WaitForUserAsync(Rule, "lin@changes.example", u => u.Email == "Lin@Changes.Example", "a change of letter case only is pushed");

        pingOne.UpdateUser(lin.Id, new EmulatedUserChanges { Email = "lin.chen@changes.example" });
        await testbed.WaitForUserAsync(Rule, "lin.chen@changes.example", u => u.UserId == docusignId, "the new email is pushed to the same Docusign user");
        Assert.Empty(testbed.UsersByEmail(Rule, "lin@changes.example"));

        pingOne.UpdateUser(lin.Id, new EmulatedUserChanges { Name = new EmulatedUserName("Linda", "Chen-Park") });
        var renamed = (await testbed.WaitForUserAsync(Rule, "lin.chen@changes.example", u => u.UserName == "Linda Chen-Park", "the name change is pushed"))[0];
        Assert.Equal(("Linda", "Chen-Park", docusignId), (renamed.FirstName, renamed.LastName, renamed.UserId));
    }

    [Fact]
    public async Task A_rule_whose_initial_sync_fails_shows_status_Failed_with_the_error()
    {
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) }, workers: 0);
        testbed.PingOne.State.CreateUser("ada", "ada@failed.example", new EmulatedUserName("Ada", "Lovelace"));
        // PingOne unavailable for longer than the client's retries: the start-up resync cannot read the source. (A refused
        // Docusign credential would quarantine the connection instead, which outranks a failed run in the status.)
        testbed.PingOne.FailNextApiRequests(10_000);
        await testbed.StartWorkerAsync();

        var status = await Eventually.MatchesAsync(() => testbed.StatusAsync(Rule), s => s?.Status == RuleSyncState.Failed, Timeout, "the failed initial sync shows as Failed");

        Assert.StartsWith("last Initial run failed: ", status!.StatusReason, StringComparison.Ordinal);
        Assert.Empty(testbed.UsersByEmail(Rule, "ada@failed.example"));
    }
}
