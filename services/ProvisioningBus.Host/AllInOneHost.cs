using System.Security.Cryptography;
using Docusign.Emulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using PingOne.Emulator;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Gateway;
using ProvisioningBus.Host.Demo;
using ProvisioningBus.Inbound;
using ProvisioningBus.Outbound;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Host;

/// <summary>
/// The first README command: both emulators on 127.0.0.1 with a demo directory, and the gateway and workers in
/// this process, wired together the way a production deployment is (webhooks, bus, Docusign REST).
/// </summary>
public static class AllInOneHost
{
    /// <summary>The demo rule's description, as the status page shows it.</summary>
    public const string DemoRuleName = "demo";

    public const string DemoRuleDescription = "The demo directory's people and groups, provisioned to the emulated Docusign account";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(AllInOneOptions.SectionName).Get<AllInOneOptions>() ?? new AllInOneOptions();

        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions { Port = options.DocusignEmulatorPort });
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions { Port = options.PingOneEmulatorPort });
        var groupIds = DemoDirectory.SeedGroups(pingOne.State, options.DemoGroups);
        DemoDirectory.SeedContractors(docusign.State, options.DemoContractors);

        // A fresh secret per run: the demo's webhook is as authenticated as a production one, with nothing to configure.
        var webhookSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        // Likewise the status page's token, unless one was given: printed below, so the page opens with no setup.
        var adminToken = builder.Configuration["Gateway:Admin:Token"] is { Length: > 0 } given ? given : Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.GatewayPort}");
        // The emulators start empty on every run, so the store must too: a store that remembered links or a rotated
        // refresh token from an earlier run would disagree with them.
        var demoDatabase = Path.Combine(Path.GetTempPath(), $"provisioningbus-demo-{Guid.NewGuid():N}.db");
        var usesOwnStore = !string.IsNullOrWhiteSpace(builder.Configuration["State:ConnectionString"]);
        builder.Configuration.AddInMemoryCollection(EmbeddedSettings(docusign, pingOne, webhookSecret, groupIds));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Admin:Token"] = adminToken });
        if (!usesOwnStore)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["State:ConnectionString"] = $"Data Source={demoDatabase}" });
        }
        builder.Configuration.AddCommandLine(args);

        builder.AddServiceDefaults(ServiceNames.AllInOne);
        builder.Services.AddProvisioningBus(builder.Configuration, bus =>
        {
            bus.AddOutboundConsumers();
            bus.AddInboundConsumers();
        });
        builder.AddOutbound(registerBus: false);
        builder.AddInbound(registerBus: false);
        builder.AddGateway();

        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGateway();
        await app.StartAsync();

        var gateway = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var webhook = new Uri(gateway, "/webhooks/pingone");
        pingOne.AddSubscription(new EmulatedSubscriptionOptions
        {
            Url = webhook.ToString(),
            Headers = new Dictionary<string, string> { ["X-Webhook-Secret"] = webhookSecret },
        });

        var console = new DemoConsole(Console.Out, interactive: !Console.IsOutputRedirected);
        console.Listening(gateway, webhook, adminToken, docusign.BaseUri, pingOne.BaseUri, app.Configuration[$"{BusOptions.SectionName}:Uri"]);

        var demoUsers = DemoDirectory.SeedUsers(pingOne.State, options.DemoUsers, groupIds);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var inScope = await DemoScope.CountInScopeAsync(app.Services, DemoRuleName, demoUsers, lifetime.ApplicationStopping);
        await console.ShowProgressAsync(
            () => (docusign.State.Users.Count(user => user.Email.EndsWith("@demo.example", StringComparison.Ordinal)), inScope),
            outOfScope: demoUsers.Count - inScope,
            lifetime.ApplicationStopping);

        await app.WaitForShutdownAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(demoDatabase) + "*"))
        {
            File.Delete(file);
        }
    }

    private static Dictionary<string, string?> EmbeddedSettings(DocusignEmulator docusign, PingOneEmulator pingOne, string webhookSecret, IReadOnlyList<string> groupIds)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Webhook:Secret"] = webhookSecret,
            ["PingOne:ApiBaseUri"] = pingOne.ApiBaseUri.ToString(),
            ["PingOne:AuthBaseUri"] = pingOne.AuthBaseUri.ToString(),
            ["PingOne:EnvironmentId"] = pingOne.EnvironmentId,
            ["PingOne:ClientId"] = pingOne.ClientId,
            ["PingOne:ClientSecret"] = pingOne.ClientSecret,
            ["Docusign:Connections:demo:ServiceUri"] = docusign.BaseUri.ToString(),
            ["Docusign:Connections:demo:TokenEndpoint"] = docusign.TokenEndpoint.ToString(),
            ["Docusign:Connections:demo:AccountId"] = docusign.AccountId,
            ["Docusign:Connections:demo:ClientId"] = docusign.Options.ClientId,
            ["Docusign:Connections:demo:ClientSecret"] = docusign.Options.ClientSecret,
            ["Docusign:Connections:demo:RefreshToken"] = docusign.Options.InitialRefreshToken,
            ["Outbound:Rules:demo:SourceEnvironmentId"] = pingOne.EnvironmentId,
            ["Outbound:Rules:demo:TargetConnection"] = "demo",
            ["Outbound:Rules:demo:Description"] = DemoRuleDescription,
            ["Docusign:Connections:demo:Description"] = "The emulated Docusign account of the demo",

            // Inbound: Docusign-only contractors become PingOne users. The filter keeps the users the outbound rule
            // put into Docusign out of it, and the gateway ignores the inbound writes' echo (same worker client).
            ["Inbound:Rules:contractors:SourceConnection"] = "demo",
            ["Inbound:Rules:contractors:TargetEnvironmentId"] = pingOne.EnvironmentId,
            ["Inbound:Rules:contractors:Mappings:username"] = "email",
            ["Inbound:Rules:contractors:UserFilter:Conditions:0:Attribute"] = "jobTitle",
            ["Inbound:Rules:contractors:UserFilter:Conditions:0:Value"] = DemoDirectory.ContractorTitle,
            ["Gateway:Webhook:IgnoredActorClientIds:0"] = pingOne.ClientId,
        };
        for (var i = 0; i < groupIds.Count; i++)
        {
            settings[$"Outbound:Rules:demo:GroupsToPush:{i}"] = groupIds[i];
        }

        return settings;
    }
}
