using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using ProvisioningBus.PingOne;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Core.Failures;

/// <summary>
/// Where an <see cref="FailureKind.Authentication"/> failure goes instead of the entity's ledger row: a warning naming
/// the connection and a counter operators can alert on. The ledger keeps the entity's last real outcome.
/// </summary>
public static class ConnectionProblems
{
    private static readonly Counter<long> AuthenticationFailures = ProvisioningBusTelemetry.Meter.CreateCounter<long>(
        "provisioningbus.connection.authentication_failures",
        "{failure}",
        "Changes that failed because a connection's credential or rights were refused; they are retried, not recorded against the entity");

    /// <summary>The name PingOne's refusals are reported and quarantined under.</summary>
    public const string PingOneConnection = "PingOne";

    /// <param name="docusignConnection">The Docusign connection the change went through; PingOne failures name PingOne instead.</param>
    /// <param name="resource">user, group, membership or inbound_user.</param>
    /// <returns>The connection that refused.</returns>
    public static string Report(ILogger logger, Exception exception, ClassifiedFailure failure, string docusignConnection, string resource, string entityId)
    {
        var connection = exception is PingOneApiException ? PingOneConnection : docusignConnection;
        AuthenticationFailures.Add(1, new KeyValuePair<string, object?>("connection", connection), new KeyValuePair<string, object?>("resource", resource));
        logger.LogWarning(
            "Connection {Connection} refused the credential ({ErrorCode}: {Reason}); the {Resource} change of {EntityId} is retried, not recorded as its failure. Fix the connection; repeated refusals quarantine it and its changes wait",
            connection, failure.ErrorCode, failure.Message, resource, entityId);
        return connection;
    }
}
