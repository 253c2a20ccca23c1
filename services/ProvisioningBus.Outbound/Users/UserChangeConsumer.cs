using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// Applies batches of PingOne user changes to every outbound rule whose source is the users' environment, through
/// <see cref="UserBatchProvisioner"/>. Membership changes also arrive here (their own copy of the published event)
/// because adding or removing a user from a group that a rule's scope names moves the user in or out of scope, and
/// PingOne sends no user event for it. Permanent failures are recorded per user; anything else, authentication failures
/// included, is waited out here (<see cref="InfrastructureRetry"/>, up to <c>Resilience:Redelivery:Ceiling</c>) with the
/// batch unacknowledged, then fails the batch to <c>_error</c>, so a change is never acknowledged unapplied.
/// </summary>
public sealed class UserChangeConsumer(
    OutboundRuleCatalog rules, UserBatchProvisioner provisioner, IOptions<Core.Failures.RedeliveryOptions> redelivery, TimeProvider time, ILogger<UserChangeConsumer> logger)
    : IConsumer<Batch<PingOneUserChanged>>, IConsumer<Batch<PingOneMembershipChanged>>
{
    // MassTransit carries the publisher's span in this header (W3C id), which a batch does not make current.
    private const string ActivityIdHeader = "MT-Activity-Id";

    public Task Consume(ConsumeContext<Batch<PingOneUserChanged>> context) =>
        ApplyAsync(
            context.Message.Select(item => (item.Message.EnvironmentId, GroupId: (string?)null, Change: new UserChange(
                item.Message.UserId, item.Message.Action == DirectoryChangeAction.Deleted, item.Message.RecordedAt, item.Message.UserName) { Trace = TraceOf(item), EventId = item.Message.EventId })),
            countUnrouted: true,
            context.CancellationToken);

    public Task Consume(ConsumeContext<Batch<PingOneMembershipChanged>> context) =>
        ApplyAsync(
            context.Message.Select(item => (item.Message.EnvironmentId, GroupId: (string?)item.Message.GroupId, Change: new UserChange(
                item.Message.UserId, Deleted: false, item.Message.RecordedAt, UserName: null) { Trace = TraceOf(item), EventId = item.Message.EventId })),
            countUnrouted: false,
            context.CancellationToken);

    /// <param name="changes">Each change with its environment and, for a membership change, the group (only rules whose scope names it care).</param>
    /// <param name="countUnrouted">False for membership changes: the membership consumer counts those it drops.</param>
    private async Task ApplyAsync(IEnumerable<(string EnvironmentId, string? GroupId, UserChange Change)> changes, bool countUnrouted, CancellationToken ct)
    {
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
                await InfrastructureRetry.RunAsync(token => ReportingAuthenticationAsync(rule, concerned, token), redelivery.Value, time, logger, ct);
            }
        }
    }

    /// <summary>A refused credential is the connection's problem, reported at every attempt (not only when the retries give up).</summary>
    private async Task ReportingAuthenticationAsync(CompiledOutboundRule rule, List<UserChange> changes, CancellationToken ct)
    {
        try
        {
            await provisioner.ApplyAsync(rule, changes, ct);
        }
        catch (Exception failure) when (FailureClassifier.Classify(failure) is { IsAuthentication: true } classified)
        {
            ConnectionProblems.Report(logger, failure, classified, rule.Options.TargetConnection, "user", changes[0].UserId);
            throw;
        }
    }

    private static ActivityContext TraceOf<T>(ConsumeContext<T> item)
        where T : class =>
        item.Headers.Get<string>(ActivityIdHeader) is { } id && ActivityContext.TryParse(id, null, out var parent) ? parent : default;
}
