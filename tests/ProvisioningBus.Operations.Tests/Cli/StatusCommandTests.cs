using System.Text.Json;
using Docusign.Emulator;
using ProvisioningBus.Operations;
using ProvisioningBus.Operations.Tests.Infrastructure;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Operations.Tests.Cli;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_and_failures_show_the_ledger_of_a_rule_with_Docusign_error_codes()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        using (var seeded = await SeededStore.OpenAsync(database))
        {
            var at = DateTimeOffset.UtcNow;
            for (var i = 0; i < 4; i++)
            {
                await seeded.Store().Ledger.RecordAsync(new EntityOutcome("people", EntityKind.Group, $"g{i}", $"Group {i}", SyncOutcome.Success, null, null, at), CancellationToken.None);
            }

            await seeded.Store().Ledger.RecordAsync(new EntityOutcome("people", EntityKind.Group, "g4", "Legal", SyncOutcome.Failed, "INVALID_USERID", "Invalid UserId.", at), CancellationToken.None);
            await seeded.StopAsync();
        }

        var settings = Settings.For(docusign, database);
        var table = await CliRun.InvokeAsync(settings, "status", "people");
        var json = await CliRun.InvokeAsync(settings, "status", "--json");
        var failures = await CliRun.InvokeAsync(settings, "failures", "people");
        var unknown = await CliRun.InvokeAsync(settings, "status", "nobody");

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        var groupsRow = Assert.Single(table.Output.Split('\n'), line => line.Contains(" groups ", StringComparison.Ordinal));
        Assert.Equal(["people", "outbound", "Active", "groups", "5", "4", "0", "0", "1"], groupsRow.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..9]);

        using var document = JsonDocument.Parse(json.Output);
        var groups = document.RootElement.GetProperty("rules")[0].GetProperty("groups");
        Assert.Equal(5, groups.GetProperty("impacted").GetInt32());
        Assert.Equal(1, groups.GetProperty("failed").GetInt32());

        Assert.Contains("INVALID_USERID", failures.Output, StringComparison.Ordinal);
        Assert.Contains("Legal", failures.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
    }

    [Fact]
    public async Task Status_shows_a_rule_whose_connection_is_disabled_as_Inactive_and_says_why()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Settings.For(docusign, database);
        settings["Docusign:Connections:demo:Enabled"] = "false";

        var table = await CliRun.InvokeAsync(settings, "status", "people");
        var json = await CliRun.InvokeAsync(settings, "status", "--json");

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        var usersRow = Assert.Single(table.Output.Split('\n'), line => line.Contains(" users ", StringComparison.Ordinal));
        Assert.Equal(["people", "outbound", "Inactive", "users"], usersRow.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..4]);
        Assert.EndsWith("connection demo is disabled", usersRow.TrimEnd(), StringComparison.Ordinal);

        using var document = JsonDocument.Parse(json.Output);
        var rule = document.RootElement.GetProperty("rules")[0];
        Assert.Equal("Inactive", rule.GetProperty("status").GetString());
        Assert.Equal("connection demo is disabled", rule.GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task Status_shows_a_rule_whose_last_run_failed_as_Failed_with_the_run_error()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        using (var seeded = await SeededStore.OpenAsync(database))
        {
            var run = Guid.NewGuid();
            await seeded.Store().SyncRuns.StartAsync(run, "people", SyncRunKind.FullResync, DateTimeOffset.UtcNow, CancellationToken.None);
            await seeded.Store().SyncRuns.CompleteAsync(
                run, SyncRunStatus.Failed, new SyncRunCounts { Created = 3, Adopted = 2, Updated = 1, Unchanged = 7, Closed = 1, Skipped = 4, Failed = 5 },
                "Docusign answered 401", DateTimeOffset.UtcNow, CancellationToken.None);
            await seeded.StopAsync();
        }

        var table = await CliRun.InvokeAsync(Settings.For(docusign, database), "status", "people");

        var usersRow = Assert.Single(table.Output.Split('\n'), line => line.Contains(" users ", StringComparison.Ordinal));
        Assert.Equal("Failed", usersRow.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]);
        Assert.EndsWith("last FullResync run failed: Docusign answered 401", usersRow.TrimEnd(), StringComparison.Ordinal);
        var lastRun = Assert.Single(table.Output.Split('\n'), line => line.StartsWith("  rule people: FullResync Failed", StringComparison.Ordinal));
        Assert.EndsWith(": created 3, adopted 2, updated 1, unchanged 7, closed 1, skipped 4, failed 5", lastRun.TrimEnd(), StringComparison.Ordinal);
    }
}