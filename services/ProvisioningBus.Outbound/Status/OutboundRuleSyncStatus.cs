using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Outbound.Status;

/// <summary>One outbound rule's sync status: what the status page, HTTP API and CLI show (mission §6).</summary>
/// <param name="LastSyncAt">When the rule last completed a full sync, or the latest entity outcome when it never did.</param>
/// <param name="RecentFailures">The newest failed entities, each with Docusign's errorCode and message.</param>
public sealed record OutboundRuleSyncStatus(
    string Rule,
    RuleSyncState State,
    DateTimeOffset? LastSyncAt,
    OutcomeCounts Users,
    OutcomeCounts Groups,
    SyncRun? LatestRun,
    IReadOnlyList<EntityOutcome> RecentFailures);
