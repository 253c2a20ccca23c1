using Docusign.Emulator;
using PingOne.Emulator;

namespace ProvisioningBus.Operations.Tests.Infrastructure;

/// <summary>Configuration the way an operator writes it, pointing at the test's emulator, store and broker.</summary>
public static class Settings
{
    public static Dictionary<string, string?> For(DocusignEmulator docusign, TemporaryDatabase database, Uri? amqpUri = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["State:Provider"] = "Sqlite",
            ["State:ConnectionString"] = database.ConnectionString,
            ["PingOne:ApiBaseUri"] = "http://127.0.0.1:9/v1",
            ["PingOne:AuthBaseUri"] = "http://127.0.0.1:9/",
            ["PingOne:EnvironmentId"] = "env-ops",
            ["PingOne:ClientId"] = "worker",
            ["PingOne:ClientSecret"] = "pingone-worker-secret",
            ["Docusign:Connections:demo:ServiceUri"] = docusign.BaseUri.ToString(),
            ["Docusign:Connections:demo:TokenEndpoint"] = docusign.TokenEndpoint.ToString(),
            ["Docusign:Connections:demo:AccountId"] = docusign.AccountId,
            ["Docusign:Connections:demo:ClientId"] = docusign.Options.ClientId,
            ["Docusign:Connections:demo:ClientSecret"] = docusign.Options.ClientSecret,
            ["Docusign:Connections:demo:RefreshToken"] = docusign.Options.InitialRefreshToken,
            ["Outbound:Rules:people:SourceEnvironmentId"] = "env-ops",
            ["Outbound:Rules:people:TargetConnection"] = "demo",
        };
        if (amqpUri is not null)
        {
            settings["RabbitMq:Uri"] = amqpUri.ToString();
        }

        return settings;
    }

    /// <summary>Points PingOne (and the rule <c>people</c>'s source environment) at the test's emulator.</summary>
    public static Dictionary<string, string?> WithPingOne(Dictionary<string, string?> settings, PingOneEmulator pingOne)
    {
        settings["PingOne:ApiBaseUri"] = pingOne.ApiBaseUri.ToString();
        settings["PingOne:AuthBaseUri"] = pingOne.AuthBaseUri.ToString();
        settings["PingOne:EnvironmentId"] = pingOne.EnvironmentId;
        settings["PingOne:ClientId"] = pingOne.ClientId;
        settings["PingOne:ClientSecret"] = pingOne.ClientSecret;
        settings["Outbound:Rules:people:SourceEnvironmentId"] = pingOne.EnvironmentId;
        return settings;
    }
}
