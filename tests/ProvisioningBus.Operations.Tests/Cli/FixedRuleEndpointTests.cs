using Docusign.Emulator;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Operations;
using ProvisioningBus.Operations.Tests.Infrastructure;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Operations.Tests.Cli;

/// <summary>Mission §4: source and target are fixed once a rule exists; a move is refused at start-up and by validate.</summary>
public sealed class FixedRuleEndpointTests
{
    private const string Fix = "delete the rule and create a new one";

    [Fact]
    public async Task Start_up_and_validate_refuse_an_outbound_rule_moved_to_another_target_connection()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = WithSecondConnection(Settings.For(docusign, database));
        await StartWorkerCoreAsync(settings);

        settings["Outbound:Rules:people:TargetConnection"] = "other";
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => StartWorkerCoreAsync(settings));
        var run = await CliRun.InvokeAsync(settings, "validate");

        var line = ServiceStartup.Describe(refused);
        Assert.NotNull(line);
        Assert.Contains("Outbound:Rules:people:TargetConnection is 'other', but the rule was created with 'demo'", line, StringComparison.Ordinal);
        Assert.Contains(Fix, line, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
        Assert.Contains("Outbound:Rules:people:TargetConnection", run.Output, StringComparison.Ordinal);
        Assert.Contains(Fix, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_and_validate_refuse_an_inbound_rule_moved_to_another_source_connection()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = WithSecondConnection(Settings.For(docusign, database));
        settings["Inbound:Rules:mirror:SourceConnection"] = "demo";
        settings["Inbound:Rules:mirror:TargetEnvironmentId"] = "env-ops";
        await StartWorkerCoreAsync(settings);

        settings["Inbound:Rules:mirror:SourceConnection"] = "other";
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => StartWorkerCoreAsync(settings));
        var run = await CliRun.InvokeAsync(settings, "validate", "--json");

        Assert.Contains("Inbound:Rules:mirror:SourceConnection is 'other', but the rule was created with 'demo'", ServiceStartup.Describe(refused), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
        Assert.Contains("Inbound:Rules:mirror:SourceConnection", run.Output, StringComparison.Ordinal);
        Assert.Contains(Fix, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unchanged_rules_and_a_new_rule_on_another_connection_start_and_validate()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = WithSecondConnection(Settings.For(docusign, database));
        await StartWorkerCoreAsync(settings);

        settings["Outbound:Rules:people-other:SourceEnvironmentId"] = "env-ops";
        settings["Outbound:Rules:people-other:TargetConnection"] = "other";
        await StartWorkerCoreAsync(settings);
        var run = await CliRun.InvokeAsync(settings, "validate");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    private static Dictionary<string, string?> WithSecondConnection(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings.Where(pair => pair.Key.StartsWith("Docusign:Connections:demo:", StringComparison.Ordinal)).ToList())
        {
            settings[key.Replace(":demo:", ":other:", StringComparison.Ordinal)] = value;
        }

        return settings;
    }

    /// <summary>Starts and stops what every worker starts with (store, connections, the rule endpoint guard).</summary>
    private static async Task StartWorkerCoreAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddProvisioningCore();
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
