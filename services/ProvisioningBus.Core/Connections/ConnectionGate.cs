using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Failures;

namespace ProvisioningBus.Core.Connections;

/// <summary>
/// Runs one change's work through its connections' <see cref="ConnectionQuarantine"/>: it waits while a connection is
/// quarantined, reports refusals and successes, and says when the change should be handed back to its queue because the
/// quarantine outlasts <see cref="QuarantineOptions.HoldLimit"/>. Every consumer goes through it, so a refused credential
/// never sends a change to <c>_error</c>.
/// </summary>
public sealed class ConnectionGate(ConnectionQuarantine quarantine, IOptions<QuarantineOptions> options, TimeProvider time, ILogger<ConnectionGate> logger)
{
    /// <param name="docusignConnection">The Docusign connection the work goes through; PingOne is always gated as well.</param>
    /// <param name="resource">user, group, membership or inbound_user: for the connection-problem report.</param>
    /// <param name="heldSince">When the change's delivery began: the hold limit counts from there, across retries.</param>
    /// <returns>True when the work ran; false when a connection stayed quarantined past the hold limit (hand the change back).</returns>
    /// <remarks>
    /// A refusal that has not (yet) quarantined the connection is thrown, for the caller's retry policy to pause on.
    /// </remarks>
    public async Task<bool> RunAsync(string docusignConnection, string resource, string entityId, DateTimeOffset heldSince, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        string[] connections = [docusignConnection, ConnectionProblems.PingOneConnection];
        var holdUntil = heldSince + options.Value.HoldLimit;
        while (true)
        {
            if (await quarantine.WaitForAttemptAsync(connections, holdUntil, ct) == AttemptVerdict.HandBack)
            {
                logger.LogInformation("The {Resource} change of {EntityId} waited {HoldLimit} for its connection; handed back to its queue", resource, entityId, options.Value.HoldLimit);
                return false;
            }

            try
            {
                await work(ct);
            }
            catch (Exception failure) when (FailureClassifier.Classify(failure) is { IsAuthentication: true } classified)
            {
                var connection = ConnectionProblems.Report(logger, failure, classified, docusignConnection, resource, entityId);
                if (!await quarantine.ReportRefusalAsync(connection, classified, ct))
                {
                    throw;
                }

                continue;
            }

            foreach (var connection in connections)
            {
                await quarantine.ReportSuccessAsync(connection, ct);
            }

            return true;
        }
    }

    /// <summary>When a delivery that has been in a consumer for <paramref name="elapsed"/> (its retries included) began.</summary>
    public DateTimeOffset HeldSince(TimeSpan elapsed) => time.GetUtcNow() - elapsed;
}
