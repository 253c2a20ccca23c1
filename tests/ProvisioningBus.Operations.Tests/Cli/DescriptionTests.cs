using System.Text.Json;
using Docusign.Emulator;
using ProvisioningBus.Operations;
using ProvisioningBus.Operations.Tests.Infrastructure;

namespace ProvisioningBus.Operations.Tests.Cli;

/// <summary>Connection and rule descriptions: listed by validate, shown by status, and limited in length.</summary>
public sealed class DescriptionTests
{
    private const string ConnectionDescription = "Sales sandbox account (demo.docusign.net)";
    private const string RuleDescription = "Sales staff from PingOne, closed when they leave";

    [Fact]
    public async Task Validate_and_status_show_the_descriptions_of_connections_and_rules()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Settings.For(docusign, database);
        settings["Docusign:Connections:demo:Description"] = ConnectionDescription;
        settings["Outbound:Rules:people:Description"] = RuleDescription;

        var validate = await CliRun.InvokeAsync(settings, "validate");
        var validateJson = await CliRun.InvokeAsync(settings, "validate", "--json");
        var status = await CliRun.InvokeAsync(settings, "status");
        var statusJson = await CliRun.InvokeAsync(settings, "status", "--json");

        Assert.Equal(ExitCodes.Success, validate.ExitCode);
        Assert.Contains($"  connection demo: {ConnectionDescription}", validate.Output, StringComparison.Ordinal);
        Assert.Contains($"  rule people (outbound, demo): {RuleDescription}", validate.Output, StringComparison.Ordinal);
        using (var document = JsonDocument.Parse(validateJson.Output))
        {
            Assert.Equal(RuleDescription, document.RootElement.GetProperty("rules")[0].GetProperty("description").GetString());
            Assert.Equal(ConnectionDescription, document.RootElement.GetProperty("connections")[0].GetProperty("description").GetString());
        }

        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.Contains($"  rule people: {RuleDescription}", status.Output, StringComparison.Ordinal);
        Assert.Contains($"  connection demo: {ConnectionDescription}", status.Output, StringComparison.Ordinal);
        using (var document = JsonDocument.Parse(statusJson.Output))
        {
            Assert.Equal(RuleDescription, document.RootElement.GetProperty("rules")[0].GetProperty("description").GetString());
            Assert.Equal(ConnectionDescription, document.RootElement.GetProperty("connections")[0].GetProperty("description").GetString());
        }
    }

    [Fact]
    public async Task A_description_over_1024_characters_is_rejected_naming_its_key()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Settings.For(docusign, database);
        settings["Docusign:Connections:demo:Description"] = new string('c', 1025);
        settings["Outbound:Rules:people:Description"] = new string('r', 1025);
        settings["Inbound:Rules:mirror:SourceConnection"] = "demo";
        settings["Inbound:Rules:mirror:TargetEnvironmentId"] = "env-ops";
        settings["Inbound:Rules:mirror:Description"] = new string('i', 1025);

        var run = await CliRun.InvokeAsync(settings, "validate");

        Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
        foreach (var key in new[] { "Docusign:Connections:demo:Description", "Outbound:Rules:people:Description", "Inbound:Rules:mirror:Description" })
        {
            Assert.Contains($"{key} must be at most 1024 characters (was 1025).", run.Output, StringComparison.Ordinal);
        }
    }
}
