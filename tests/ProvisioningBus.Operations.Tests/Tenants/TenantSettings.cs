using Docusign.Emulator;
using ProvisioningBus.Operations.Tests.Infrastructure;

namespace ProvisioningBus.Operations.Tests.Tenants;

/// <summary>A connection as the README's "Connect your real tenants" starts it: an integration key and its account server, nothing else yet.</summary>
public static class TenantSettings
{
    public static Dictionary<string, string?> BeforeConsent(DocusignEmulator docusign, TemporaryDatabase database) => new()
    {
        ["State:Provider"] = "Sqlite",
        ["State:ConnectionString"] = database.ConnectionString,
        ["Docusign:Connections:demo:OAuthBaseUri"] = docusign.BaseUri.ToString(),
        ["Docusign:Connections:demo:ClientId"] = docusign.Options.ClientId,
        ["Docusign:Connections:demo:ClientSecret"] = docusign.Options.ClientSecret,
    };

    /// <summary>The operator's configuration once the consent printed AccountId and ServiceUri: no refresh token in it.</summary>
    public static Dictionary<string, string?> AfterConsent(DocusignEmulator docusign, TemporaryDatabase database)
    {
        var settings = Settings.For(docusign, database);
        settings.Remove("Docusign:Connections:demo:RefreshToken");
        settings.Remove("Docusign:Connections:demo:TokenEndpoint");
        settings["Docusign:Connections:demo:OAuthBaseUri"] = docusign.BaseUri.ToString();
        return settings;
    }
}
