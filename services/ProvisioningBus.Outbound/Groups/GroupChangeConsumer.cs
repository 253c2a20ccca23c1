using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// Applies a PingOne group change to every enabled rule of the group's environment that pushes the group, and
/// records each group's outcome. Permanent failures end as the group's ledger failure; transient ones are
/// recorded too and rethrown for the retry policy. Authentication failures are the connection's, not the group's:
/// reported as a connection problem, never written to the group's ledger row, and rethrown like a transient fault,
/// so the change is applied once the connection is fixed (exactly as a user change is); repeated refusals quarantine the
/// connection and the change waits (<see cref="ConnectionGate"/>).
/// </summary>
public sealed class GroupChangeConsumer(
    OutboundRuleCatalog rules, GroupProvisioner provisioner, GroupLedger ledger, ConnectionSwitch connections, ConnectionGate gate, ILogger<GroupChangeConsumer> logger)
    : IConsumer<PingOneGroupChanged>
{
    public async Task Consume(ConsumeContext<PingOneGroupChanged> context)
    {
        var change = context.Message;
        var cancellationToken = context.CancellationToken;
        if (UnroutedChanges.Recorded(rules, change.EnvironmentId, "group", [change.GroupId], logger))
        {
            return;
        }

        var heldSince = gate.HeldSince(context.ReceiveContext.ElapsedTime);
        var handBack = false;
        foreach (var rule in rules.ForEnvironment(change.EnvironmentId).Where(rule => rule.Pushes(change.GroupId)))
        {
            using var activity = ChangeTelemetry.Start("provisioning.group", rule.Name, change.GroupId);
            var displayName = change.GroupName ?? change.GroupId;
            if (!connections.IsEnabled(rule.Options.TargetConnection))
            {
                await ledger.SkippedAsync(rule, change.GroupId, displayName, change.EventId, cancellationToken);
                ChangeTelemetry.Record(activity, AppliedChange.NothingToDo(GroupChangeTelemetry.Resource));
                continue;
            }

            try
            {
                var outcome = GroupChangeOutcome.Skipped;
                var ran = await gate.RunAsync(rule.Options.TargetConnection, "group", change.GroupId, heldSince, async token => outcome = change.Action == DirectoryChangeAction.Deleted
                    ? await provisioner.DeleteAsync(rule, change.GroupId, token)
                    : await provisioner.SyncAsync(rule, change.GroupId, token), cancellationToken);
                if (!ran)
                {
                    handBack = true;
                    continue;
                }

                if (outcome is GroupChangeOutcome.Deleted or GroupChangeOutcome.Skipped)
                {
                    await ledger.ForgetAsync(rule, change.GroupId, displayName, outcome, change.EventId, null, cancellationToken);
                }
                else
                {
                    await ledger.SucceededAsync(rule, change.GroupId, displayName, GroupChangeDetail.For(outcome, change.EventId), cancellationToken);
                }

                ChangeTelemetry.Record(activity, GroupChangeTelemetry.Describe(outcome));
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var classified = FailureClassifier.Classify(failure);
                if (classified.IsAuthentication)
                {
                    // Reported by the gate; the retry policy pauses until enough refusals quarantine the connection.
                    throw;
                }

                await ledger.FailedAsync(
                    rule, change.GroupId, displayName, failure, GroupChangeDetail.Failed(change.Action == DirectoryChangeAction.Deleted, change.EventId, failure), cancellationToken);
                if (!classified.IsPermanent)
                {
                    ChangeTelemetry.Retrying(activity, failure);
                    throw;
                }

                ChangeTelemetry.Record(activity, AppliedChange.Refused(GroupChangeTelemetry.Resource, change.Action == DirectoryChangeAction.Deleted ? "delete" : AppliedChange.Apply));
                logger.LogWarning("Rule {Rule}: PingOne group {PingOneGroupId} could not be pushed: {Reason}", rule.Name, change.GroupId, classified.Message);
            }
        }

        if (handBack)
        {
            await context.HandBackAsync();
        }
    }
}
