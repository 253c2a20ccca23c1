using Docusign.Emulator;
using PingOne.Emulator;

namespace ProvisioningBus.Testing;

/// <summary>The configuration an outbound worker needs to run against the emulators, as an operator would write it.</summary>
public static class OutboundWorkerSettings
{
    public const string ConnectionName = "demo";

    /// <param name="postgresConnectionString">A PostgreSQL database of the test's own; null uses a fresh SQLite file.</param>
    public static Dictionary<string, string?> For(
        Uri amqpUri, PingOneEmulator pingOne, DocusignEmulator docusign, string ruleName, string? postgresConnectionString = null)
    {
        var settings = For(pingOne, docusign, ruleName, postgresConnectionString);
        settings["RabbitMq:Uri"] = amqpUri.ToString();
        return settings;
    }

    /// <summary>The same without a broker, for a <see cref="HarnessedOutboundWorker"/>.</summary>
    public static Dictionary<string, string?> For(
        PingOneEmulator pingOne, DocusignEmulator docusign, string ruleName, string? postgresConnectionString = null) => new Dictionary<string, string?>()
    {
        ["State:Provider"] = postgresConnectionString is null ? "Sqlite" : "Postgres",
        ["State:ConnectionString"] = postgresConnectionString
            ?? $"Data Source={Path.Combine(Path.GetTempPath(), $"provisioningbus-test-{Guid.NewGuid():N}.db")}",
        ["PingOne:ApiBaseUri"] = pingOne.ApiBaseUri.ToString(),
        ["PingOne:AuthBaseUri"] = pingOne.AuthBaseUri.ToString(),
        ["PingOne:EnvironmentId"] = pingOne.EnvironmentId,
        ["PingOne:ClientId"] = pingOne.ClientId,
        ["PingOne:ClientSecret"] = pingOne.ClientSecret,
        [$"Docusign:Connections:{ConnectionName}:ServiceUri"] = docusign.BaseUri.ToString(),
        [$"Docusign:Connections:{ConnectionName}:TokenEndpoint"] = docusign.TokenEndpoint.ToString(),
        [$"Docusign:Connections:{ConnectionName}:AccountId"] = docusign.AccountId,
        [$"Docusign:Connections:{ConnectionName}:ClientId"] = docusign.Options.ClientId,
        [$"Docusign:Connections:{ConnectionName}:ClientSecret"] = docusign.Options.ClientSecret,
        [$"Docusign:Connections:{ConnectionName}:RefreshToken"] = docusign.Options.InitialRefreshToken,
        [$"Outbound:Rules:{ruleName}:SourceEnvironmentId"] = pingOne.EnvironmentId,
        [$"Outbound:Rules:{ruleName}:TargetConnection"] = ConnectionName,
        // The guard would hold the small resyncs these tests make (one close of two users is 50 %); its own tests set it.
        [$"Outbound:Rules:{ruleName}:MassDeletionGuard:Enabled"] = "false",
    }.WithQuickQuarantine();

    /// <summary>
    /// Tests fix a refused credential within seconds, so a quarantined connection is tried again within seconds too
    /// (production waits a minute first).
    /// </summary>
    public static Dictionary<string, string?> WithQuickQuarantine(this Dictionary<string, string?> settings)
    {
        settings["Resilience:Quarantine:FirstBackoff"] = "00:00:01";
        settings["Resilience:Quarantine:MaxBackoff"] = "00:00:02";
        settings["Resilience:Quarantine:PollInterval"] = "00:00:00.200";
        return settings;
    }
}
