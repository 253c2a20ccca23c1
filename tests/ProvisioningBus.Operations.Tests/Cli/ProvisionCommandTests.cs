using System.Text.Json;
using Docusign.Emulator;
using PingOne.Emulator;
using ProvisioningBus.Operations;
using ProvisioningBus.Operations.Tests.Infrastructure;
using ProvisioningBus.State.Log;
using EmulatedUserName = PingOne.Emulator.Directory.EmulatedUserName;

namespace ProvisioningBus.Operations.Tests.Cli;

public sealed class ProvisionCommandTests
{
    [Fact]
    public async Task Provision_creates_an_unsynced_user_now_printing_each_step_and_logs_it_with_who_asked()
    {
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var alice = pingOne.State.CreateUser("alice", "alice@example.com", new EmulatedUserName("Alice", "Now"), title: "Engineer");
        var settings = Settings.WithPingOne(Settings.For(docusign, database), pingOne);

        var preview = await CliRun.InvokeAsync(settings, "provision", "people", "alice@example.com", "--dry-run");
        Assert.True(preview.ExitCode == ExitCodes.Success, preview.Error);
        Assert.Empty(docusign.State.FindUsersByEmail("alice@example.com"));
        Assert.Contains("decision         Create", preview.Output, StringComparison.Ordinal);

        var run = await CliRun.InvokeAsync(settings, "provision", "people", alice.Id);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        var created = Assert.Single(docusign.State.FindUsersByEmail("alice@example.com"));
        var steps = run.Output.Split('\n').Select(line => line.Split(' ', 2)[0]).Where(name => name.Length > 0).ToList();
        Assert.Equal(["pingone.read", "scope", "mapping", "docusign.lookup", "decision", "docusign.write", "outcome"], steps);
        Assert.Contains("in the rule's scope", run.Output, StringComparison.Ordinal);
        Assert.Contains("jobTitle=Engineer", run.Output, StringComparison.Ordinal);
        Assert.Contains("no Docusign user with email alice@example.com", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Created (Docusign user {created.UserId})", run.Output, StringComparison.Ordinal);

        // The consumer's path wrote the user's ledger entry and log record; the operator's request is logged beside it.
        var log = await CliRun.InvokeAsync(settings, "log", "--entity", alice.Id, "--format", "json");
        using var json = JsonDocument.Parse(log.Output);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "create" && e.GetProperty("direction").GetString() == ProvisioningLogValues.Outbound
            && e.GetProperty("outcome").GetString() == ProvisioningLogValues.Success);
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "provision" && e.GetProperty("actor").GetString() == Environment.UserName);
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "provision --dry-run");

        var again = await CliRun.InvokeAsync(settings, "provision", "people", alice.Id);
        Assert.True(again.ExitCode == ExitCodes.Success, again.Error);
        Assert.Contains("outcome          Unchanged", again.Output, StringComparison.Ordinal);
        Assert.Single(docusign.State.FindUsersByEmail("alice@example.com"));
    }

    [Fact]
    public async Task Provision_exits_by_outcome_for_an_unknown_user_a_user_out_of_scope_and_an_unknown_rule()
    {
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var sales = pingOne.State.CreateUser("sam", "sam@example.com", new EmulatedUserName("Sam", "Sales"), title: "Sales");
        var settings = Settings.WithPingOne(Settings.For(docusign, database), pingOne);
        settings["Outbound:Rules:people:Scope:Conditions:0:Attribute"] = "title";
        settings["Outbound:Rules:people:Scope:Conditions:0:Value"] = "Engineer";

        var unknownUser = await CliRun.InvokeAsync(settings, "provision", "people", "nobody@example.com");
        var outOfScope = await CliRun.InvokeAsync(settings, "provision", "people", sales.Id);
        var unknownRule = await CliRun.InvokeAsync(settings, "provision", "nope", sales.Id);

        Assert.Equal(ExitCodes.NotFound, unknownUser.ExitCode);
        Assert.Contains("no PingOne user nobody@example.com", unknownUser.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NothingToDo, outOfScope.ExitCode);
        Assert.Contains("not in the rule's scope and never provisioned", outOfScope.Output, StringComparison.Ordinal);
        Assert.Empty(docusign.State.FindUsersByEmail("sam@example.com"));
        Assert.Equal(ExitCodes.NotFound, unknownRule.ExitCode);
    }
}
