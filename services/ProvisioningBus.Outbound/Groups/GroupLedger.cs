using ProvisioningBus.Core.Failures;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>Writes a pushed group's latest outcome to the sync ledger (the rule's group summary).</summary>
public sealed class GroupLedger(IProvisioningStore store, TimeProvider time)
{
    public Task SucceededAsync(CompiledOutboundRule rule, string pingOneGroupId, string displayName, CancellationToken cancellationToken) =>
        store.Ledger.RecordAsync(
            new EntityOutcome(rule.Name, EntityKind.Group, pingOneGroupId, displayName, SyncOutcome.Success, null, null, time.GetUtcNow()),
            cancellationToken);

    /// <summary>Mission §2: while a connection is disabled, changes are recorded as skipped; re-enabling reconciles them.</summary>
    public Task SkippedAsync(CompiledOutboundRule rule, string pingOneGroupId, string displayName, CancellationToken cancellationToken) =>
        store.Ledger.RecordAsync(
            new EntityOutcome(rule.Name, EntityKind.Group, pingOneGroupId, displayName, SyncOutcome.Skipped, "CONNECTION_DISABLED", $"Connection '{rule.Options.TargetConnection}' is disabled; the change waits for the resync that re-enabling it starts.", time.GetUtcNow()),
            cancellationToken);

    public Task FailedAsync(CompiledOutboundRule rule, string pingOneGroupId, string displayName, string errorCode, string errorMessage, CancellationToken cancellationToken) =>
        store.Ledger.RecordAsync(
            new EntityOutcome(rule.Name, EntityKind.Group, pingOneGroupId, displayName, SyncOutcome.Failed, errorCode, errorMessage, time.GetUtcNow()),
            cancellationToken);

    public Task FailedAsync(CompiledOutboundRule rule, string pingOneGroupId, string displayName, Exception failure, CancellationToken cancellationToken)
    {
        // Another instance (or a resync) holding the group's lease is contention, and a refused credential is the
        // connection's problem: neither is the group's outcome. The change is retried, and recording either would
        // overwrite the group's real last result.
        var classified = FailureClassifier.Classify(failure);
        if (failure is GroupBusyException || classified.IsAuthentication)
        {
            return Task.CompletedTask;
        }

        return FailedAsync(rule, pingOneGroupId, displayName, classified.ErrorCode, classified.Message, cancellationToken);
    }

    /// <summary>A group deleted in PingOne and in Docusign leaves the summary, as a deprovisioned user does.</summary>
    public Task ForgetAsync(CompiledOutboundRule rule, string pingOneGroupId, CancellationToken cancellationToken) =>
        store.Ledger.DeleteAsync(rule.Name, EntityKind.Group, pingOneGroupId, cancellationToken);
}
