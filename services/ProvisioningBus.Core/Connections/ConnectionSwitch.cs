using Microsoft.Extensions.Configuration;

namespace ProvisioningBus.Core.Connections;

/// <summary>
/// The connection's enabled toggle (mission §2), <c>Docusign:Connections:{name}:Enabled</c>, default true. Read from
/// configuration on every call so that a reloaded configuration takes effect; DocusignConnectionOptions does not carry it.
/// </summary>
public sealed class ConnectionSwitch(IConfiguration configuration)
{
    public static string Key(string connectionName) => $"Docusign:Connections:{connectionName}:Enabled";

    public bool IsEnabled(string connectionName) => configuration.GetValue<bool?>(Key(connectionName)) ?? true;
}
