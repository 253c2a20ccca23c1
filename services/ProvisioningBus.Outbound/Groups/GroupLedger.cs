using ProvisioningBus.Core.Failures;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// Writes a pushed group's latest outcome to the sync ledger (the rule's group summary), and with it the provisioning
/// log's line (<see cref="GroupChangeDetail"/>).
/// </summary>
public sealed class GroupLedger(IProvisioningStore store, TimeProvider time)
{
    public Task SucceededAsync(CompiledOutboundRule rule, string pingOneGroupId, string displayName, ChangeDetail change, CancellationToken cancellationToken) =>
        store.Ledger.RecordAsync(Outcome(rule, pingOneGroupId, displayName, SyncOutcome.Success, null, null, change), cancellationToken);

    /// <summary>Mission §2: while a connection is disabled, changes are recorded as skipped; re-enabling reconciles them.</summary>
    /// <param name="eventId">The PingOne event that was skipped.</param>
    public Task SkippedAsync(CompiledOutboundRule rule, string pingOneGroupId, string displayName, string? eventId, CancellationToken cancellationToken) =>
        store.Ledger.RecordAsync(
            Outcome(rule, pingOneGroupId, displayName, SyncOutcome.Skipped, "CONNECTION_DISABLED",
                $"Connection '{rule.Options.TargetConnection}' is disabled; the change waits for the resync that re-enabling it starts.",
                new ChangeDetail("skip") { EventId = eventId }),
            cancellationToken);

    public Task FailedAsync(
        CompiledOutboundRule rule, string pingOneGroupId, string displayName, string errorCode, string errorMessage, ChangeDetail change, CancellationToken cancellationToken) =>
        store.Ledger.RecordAsync(Outcome(rule, pingOneGroupId, displayName, SyncOutcome.Failed, errorCode, errorMessage, change), cancellationToken);

    /// <param name="change">What was tried; the failed call's status is added from <paramref name="failure"/>.</param>
    public Task FailedAsync(CompiledOutboundRule rule, string pingOneGroupId, string displayName, Exception failure, ChangeDetail change, CancellationToken cancellationToken)
    {
        // Another instance (or a resync) holding the group's lease is contention, and a refused credential is the
        // connection's problem: neither is the group's outcome. The change is retried, and recording either would
        // overwrite the group's real last result.
        var classified = FailureClassifier.Classify(failure);
        if (failure is GroupBusyException || classified.IsAuthentication)
        {
            return Task.CompletedTask;
        }

        return FailedAsync(rule, pingOneGroupId, displayName, classified.ErrorCode, classified.Message, change with { CallStatus = CallStatus.Of(failure) }, cancellationToken);
    }

    /// <summary>
    /// A group deleted in PingOne and in Docusign leaves the summary, as a deprovisioned user does; the log keeps the
    /// delete, or the skip of a delete that found no Docusign group to delete.
    /// </summary>
    /// <param name="outcome">What the delete did: <see cref="GroupChangeOutcome.Deleted"/> or <see cref="GroupChangeOutcome.Skipped"/>.</param>
    /// <param name="eventId">The PingOne event; null for a resync, which <paramref name="reason"/> names.</param>
    public Task ForgetAsync(
        CompiledOutboundRule rule, string pingOneGroupId, string displayName, GroupChangeOutcome outcome, string? eventId, string? reason, CancellationToken cancellationToken)
    {
        var deleted = outcome == GroupChangeOutcome.Deleted;
        return store.Ledger.ForgetManyAsync(
            [Outcome(rule, pingOneGroupId, displayName, deleted ? SyncOutcome.Success : SyncOutcome.Skipped, null,
                deleted ? null : "No Docusign group is linked to it: nothing to delete.", GroupChangeDetail.For(outcome, eventId, reason))],
            cancellationToken);
    }

    /// <summary>Leaves the summary without a log line, for a group the rule stops pushing.</summary>
    public Task ForgetAsync(CompiledOutboundRule rule, string pingOneGroupId, CancellationToken cancellationToken) =>
        store.Ledger.DeleteAsync(rule.Name, EntityKind.Group, pingOneGroupId, cancellationToken);

    private EntityOutcome Outcome(
        CompiledOutboundRule rule, string pingOneGroupId, string displayName, SyncOutcome outcome, string? errorCode, string? errorMessage, ChangeDetail change) =>
        new(rule.Name, EntityKind.Group, pingOneGroupId, displayName, outcome, errorCode, errorMessage, time.GetUtcNow()) { Change = change };
}
