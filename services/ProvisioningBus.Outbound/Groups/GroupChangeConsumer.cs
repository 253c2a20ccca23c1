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
/// so the change is applied once the connection is fixed (exactly as a user change is).
/// </summary>
public sealed class GroupChangeConsumer(
    OutboundRuleCatalog rules, GroupProvisioner provisioner, GroupLedger ledger, ConnectionSwitch connections, ILogger<GroupChangeConsumer> logger)
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

        foreach (var rule in rules.ForEnvironment(change.EnvironmentId).Where(rule => rule.Pushes(change.GroupId)))
        {
            using var activity = ChangeTelemetry.Start("provisioning.group", rule.Name, change.GroupId);
            var displayName = change.GroupName ?? change.GroupId;
            if (!connections.IsEnabled(rule.Options.TargetConnection))
            {
                await ledger.SkippedAsync(rule, change.GroupId, displayName, cancellationToken);
                ChangeTelemetry.Record(activity, AppliedChange.NothingToDo(GroupChangeTelemetry.Resource));
                continue;
            }

            try
            {
                var outcome = change.Action == DirectoryChangeAction.Deleted
                    ? await provisioner.DeleteAsync(rule, change.GroupId, cancellationToken)
                    : await provisioner.SyncAsync(rule, change.GroupId, cancellationToken);
                if (outcome is GroupChangeOutcome.Deleted or GroupChangeOutcome.Skipped)
                {
                    await ledger.ForgetAsync(rule, change.GroupId, cancellationToken);
                }
                else
                {
                    await ledger.SucceededAsync(rule, change.GroupId, displayName, cancellationToken);
                }

                ChangeTelemetry.Record(activity, GroupChangeTelemetry.Describe(outcome));
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var classified = FailureClassifier.Classify(failure);
                if (classified.IsAuthentication)
                {
                    ConnectionProblems.Report(logger, failure, classified, rule.Options.TargetConnection, "group", change.GroupId);
                    throw;
                }

                await ledger.FailedAsync(rule, change.GroupId, displayName, failure, cancellationToken);
                if (!classified.IsPermanent)
                {
                    ChangeTelemetry.Retrying(activity, failure);
                    throw;
                }

                ChangeTelemetry.Record(activity, AppliedChange.Refused(GroupChangeTelemetry.Resource, change.Action == DirectoryChangeAction.Deleted ? "delete" : AppliedChange.Apply));
                logger.LogWarning("Rule {Rule}: PingOne group {PingOneGroupId} could not be pushed: {Reason}", rule.Name, change.GroupId, classified.Message);
            }
        }
    }
}
