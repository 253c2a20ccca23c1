using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// Applies batches of PingOne user changes to every outbound rule whose source is the users' environment, through
/// <see cref="UserBatchProvisioner"/>. Membership changes also arrive here (their own copy of the published event)
/// because adding or removing a user from a group that a rule's scope names moves the user in or out of scope, and
/// PingOne sends no user event for it. Permanent failures are recorded per user; anything else is waited out here
/// (<see cref="InfrastructureRetry"/>, up to <c>Resilience:Redelivery:Ceiling</c>) with the batch unacknowledged, then
/// fails the batch to <c>_error</c>, so a change is never acknowledged unapplied. A refused credential quarantines the
/// connection (<see cref="ConnectionGate"/>): the batch waits, and is handed back to the queue if the wait outlasts
/// <c>Resilience:Quarantine:HoldLimit</c>.
/// </summary>
public sealed class UserChangeConsumer(
    OutboundRuleCatalog rules,
    UserBatchProvisioner provisioner,
    ConnectionGate gate,
    IOptions<Core.Failures.RedeliveryOptions> redelivery,
    TimeProvider time,
    ILogger<UserChangeConsumer> logger)
    : IConsumer<Batch<PingOneUserChanged>>, IConsumer<Batch<PingOneMembershipChanged>>
{
    // MassTransit carries the publisher's span in this header (W3C id), which a batch does not make current.
    private const string ActivityIdHeader = "MT-Activity-Id";

    public async Task Consume(ConsumeContext<Batch<PingOneUserChanged>> context)
    {
        var applied = await ApplyAsync(
            context.Message.Select(item => (item.Message.EnvironmentId, GroupId: (string?)null, Change: new UserChange(
                item.Message.UserId, item.Message.Action == DirectoryChangeAction.Deleted, item.Message.RecordedAt, item.Message.UserName) { Trace = TraceOf(item), EventId = item.Message.EventId })),
            countUnrouted: true,
            context.CancellationToken);
        await HandBackUnlessAsync(applied, context);
    }

    public async Task Consume(ConsumeContext<Batch<PingOneMembershipChanged>> context)
    {
        var applied = await ApplyAsync(
            context.Message.Select(item => (item.Message.EnvironmentId, GroupId: (string?)item.Message.GroupId, Change: new UserChange(
                item.Message.UserId, Deleted: false, item.Message.RecordedAt, UserName: null) { Trace = TraceOf(item), EventId = item.Message.EventId })),
            countUnrouted: false,
            context.CancellationToken);
        await HandBackUnlessAsync(applied, context);
    }

    /// <param name="changes">Each change with its environment and, for a membership change, the group (only rules whose scope names it care).</param>
    /// <param name="countUnrouted">False for membership changes: the membership consumer counts those it drops.</param>
    /// <returns>False when a rule's connection stayed quarantined past the hold limit.</returns>
    private async Task<bool> ApplyAsync(IEnumerable<(string EnvironmentId, string? GroupId, UserChange Change)> changes, bool countUnrouted, CancellationToken ct)
    {
        var applied = true;
        var heldSince = time.GetUtcNow();
        foreach (var environment in changes.GroupBy(item => item.EnvironmentId, StringComparer.Ordinal))
        {
            if (countUnrouted && UnroutedChanges.Recorded(rules, environment.Key, "user", [.. environment.Select(item => item.Change.UserId)], logger))
            {
                continue;
            }

            foreach (var rule in rules.ForEnvironment(environment.Key))
            {
                var concerned = environment.Where(item => item.GroupId is null || rule.Scope.GroupIds.Contains(item.GroupId)).Select(item => item.Change).ToList();
                if (concerned.Count == 0)
                {
                    continue;
                }

                // Level-triggered, so an attempt after a fault redoes only what is still different.
                await InfrastructureRetry.RunAsync(
                    async token => applied &= await gate.RunAsync(
                        rule.Options.TargetConnection, "user", concerned[0].UserId, heldSince, work => provisioner.ApplyAsync(rule, concerned, work), token),
                    redelivery.Value,
                    time,
                    logger,
                    ct);
            }
        }

        return applied;
    }

    private static async Task HandBackUnlessAsync<T>(bool applied, ConsumeContext<Batch<T>> context)
        where T : class
    {
        if (!applied)
        {
            await context.HandBackAsync();
        }
    }

    private static ActivityContext TraceOf<T>(ConsumeContext<T> item)
        where T : class =>
        item.Headers.Get<string>(ActivityIdHeader) is { } id && ActivityContext.TryParse(id, null, out var parent) ? parent : default;
}
