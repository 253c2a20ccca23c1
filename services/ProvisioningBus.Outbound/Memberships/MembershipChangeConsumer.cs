using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.ServiceDefaults;
using ProvisioningBus.State;

namespace ProvisioningBus.Outbound.Memberships;

/// <summary>
/// Applies a batch of PingOne membership changes: the latest change per (user, group) wins (by <c>recordedAt</c>),
/// then each rule applies its pushed groups' changes with one bulk call per Docusign group and direction.
/// Changes that cannot be applied yet make the batch throw after everything else was applied, so the retry
/// policy redelivers them; what was applied is skipped on the retry. A refused credential goes through the
/// <see cref="ConnectionGate"/>: the batch waits while the connection is quarantined, or goes back to its queue.
/// </summary>
public sealed class MembershipChangeConsumer(
    OutboundRuleCatalog rules,
    MembershipApplier applier,
    ConnectionSwitch connections,
    ConnectionGate gate,
    GroupLedger ledger,
    IProvisioningStore store,
    ILogger<MembershipChangeConsumer> logger)
    : IConsumer<Batch<PingOneMembershipChanged>>
{
    public async Task Consume(ConsumeContext<Batch<PingOneMembershipChanged>> context)
    {
        var latest = context.Message
            .GroupBy(message => (message.Message.EnvironmentId, message.Message.UserId, message.Message.GroupId))
            .Select(pair => pair.Aggregate((newest, next) => next.Message.RecordedAt >= newest.Message.RecordedAt ? next : newest));

        // A retried or redelivered change may be older than one another batch (or instance) applied meanwhile: its
        // pair is re-read from PingOne instead of trusting the message.
        var retried = context.GetRetryAttempt() > 0;
        var result = MembershipApplyResult.None;
        var heldSince = gate.HeldSince(context.ReceiveContext.ElapsedTime);
        var applied = true;
        foreach (var environment in latest.GroupBy(message => message.Message.EnvironmentId, StringComparer.Ordinal))
        {
            if (UnroutedChanges.Recorded(rules, environment.Key, "membership", [.. environment.Select(message => $"{message.Message.GroupId}/{message.Message.UserId}")], logger))
            {
                continue;
            }

            var changes = environment
                .Select(message => new MembershipChange(
                    message.Message.UserId,
                    message.Message.GroupId,
                    message.Message.Action,
                    message.Message.RecordedAt,
                    VerifyWithPingOne: retried || message.ReceiveContext.Redelivered))
                .ToList();
            foreach (var rule in rules.ForEnvironment(environment.Key))
            {
                if (!connections.IsEnabled(rule.Options.TargetConnection))
                {
                    // Nothing is written through a disabled connection; re-enabling it starts a full resync that catches up.
                    await RecordSkippedAsync(rule, changes, context.CancellationToken);
                    continue;
                }

                var ruleResult = MembershipApplyResult.None;
                applied &= await gate.RunAsync(
                    rule.Options.TargetConnection, "membership", changes[0].GroupId, heldSince, async token => ruleResult = await applier.ApplyAsync(rule, changes, token), context.CancellationToken);
                result = result.Add(ruleResult);
            }
        }

        if (!applied)
        {
            await context.HandBackAsync();
            return;
        }

        logger.LogDebug(
            "Membership batch of {Count}: {Applied} applied, {Pending} pending, {NotPushed} not pushed, {Failed} failed",
            context.Message.Length, result.Applied, result.Pending, result.NotPushed, result.Failed);
        if (result.Pending > 0)
        {
            throw new MembershipsPendingException($"{result.Pending} membership change(s) of the batch wait for their user to be provisioned or for Docusign to recover.");
        }
    }

    /// <summary>Each pushed group's changes are recorded skipped on the group, as a group change through a disabled connection is.</summary>
    private async Task RecordSkippedAsync(CompiledOutboundRule rule, IReadOnlyList<MembershipChange> changes, CancellationToken ct)
    {
        foreach (var group in changes.Where(change => rule.Pushes(change.GroupId)).GroupBy(change => change.GroupId, StringComparer.Ordinal))
        {
            var name = (await store.GroupLinks.GetAsync(rule.Name, group.Key, ct))?.Name ?? group.Key;
            await ledger.SkippedAsync(rule, group.Key, name, null, ct);
            MembershipChangeTelemetry.Count(group, AppliedChange.Skipped);
        }
    }
}
