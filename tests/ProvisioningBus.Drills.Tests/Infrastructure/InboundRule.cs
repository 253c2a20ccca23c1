using Docusign.Emulator;
using PingOne.Emulator;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>Settings of one inbound rule reading a Docusign emulator into a PingOne population.</summary>
public static class InboundRule
{
    public static void AddTo(IDictionary<string, string?> settings, string rule, string connection, DocusignEmulator source, PingOneEmulator target, string populationId)
    {
        var prefix = $"Docusign:Connections:{connection}";
        settings[$"{prefix}:ServiceUri"] = source.BaseUri.ToString();
        settings[$"{prefix}:TokenEndpoint"] = source.TokenEndpoint.ToString();
        settings[$"{prefix}:AccountId"] = source.AccountId;
        settings[$"{prefix}:ClientId"] = source.Options.ClientId;
        settings[$"{prefix}:ClientSecret"] = source.Options.ClientSecret;
        settings[$"{prefix}:RefreshToken"] = source.Options.InitialRefreshToken;
        settings[$"Inbound:Rules:{rule}:SourceConnection"] = connection;
        settings[$"Inbound:Rules:{rule}:TargetEnvironmentId"] = target.EnvironmentId;
        settings[$"Inbound:Rules:{rule}:TargetPopulationId"] = populationId;
    }
}
