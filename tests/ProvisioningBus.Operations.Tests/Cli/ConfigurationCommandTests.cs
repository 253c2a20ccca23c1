using Docusign.Emulator;
using ProvisioningBus.Operations;
using ProvisioningBus.Operations.Tests.Infrastructure;

namespace ProvisioningBus.Operations.Tests.Cli;

public sealed class ConfigurationCommandTests
{
    [Fact]
    public async Task Validate_accepts_a_working_configuration()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();

        var run = await CliRun.InvokeAsync(Settings.For(docusign, database), "validate");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Configuration is valid.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_names_the_key_and_the_Docusign_limitation_when_a_rule_asks_to_disable_users()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Settings.For(docusign, database);
        settings["Outbound:Rules:people:UserActions:RemoveAction"] = "Disable";
        settings["Outbound:Rules:orphan:SourceEnvironmentId"] = "env-ops";
        settings["Outbound:Rules:orphan:TargetConnection"] = "missing";

        var run = await CliRun.InvokeAsync(settings, "validate", "--json");

        Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
        Assert.Contains("Outbound:Rules:people:UserActions:RemoveAction", run.Output, StringComparison.Ordinal);
        Assert.Contains("Docusign does not support disabling users", run.Output, StringComparison.Ordinal);
        Assert.Contains("Outbound:Rules:orphan:TargetConnection", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"valid\": false", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_names_a_group_permission_profile_for_a_group_that_is_not_pushed()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Settings.For(docusign, database);
        settings["Outbound:Rules:people:GroupsToPush:0"] = "g-pushed";
        settings["Outbound:Rules:people:GroupPermissionProfiles:g-pushed"] = "DocuSign Viewer";
        settings["Outbound:Rules:people:GroupPermissionProfiles:g-other"] = "DocuSign Sender";

        var run = await CliRun.InvokeAsync(settings, "validate");

        Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
        Assert.Contains("Outbound:Rules:people:GroupPermissionProfiles:g-other names a group that is not in Outbound:Rules:people:GroupsToPush", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("GroupPermissionProfiles:g-pushed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_connection_succeeds_with_good_credentials_and_names_a_bad_secret_without_printing_it()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var goodDatabase = new TemporaryDatabase();
        using var badDatabase = new TemporaryDatabase();
        var bad = Settings.For(docusign, badDatabase);
        bad["Docusign:Connections:demo:ClientSecret"] = "wrong-secret-value-never-printed";

        var works = await CliRun.InvokeAsync(Settings.For(docusign, goodDatabase), "test-connection", "demo");
        var fails = await CliRun.InvokeAsync(bad, "test-connection", "demo", "--json");
        var unknown = await CliRun.InvokeAsync(Settings.For(docusign, goodDatabase), "test-connection", "nope");

        Assert.Equal(ExitCodes.Success, works.ExitCode);
        Assert.Contains("works", works.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.RemoteFailure, fails.ExitCode);
        Assert.Contains("InvalidClient", fails.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-value-never-printed", fails.Output + fails.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
    }
}
