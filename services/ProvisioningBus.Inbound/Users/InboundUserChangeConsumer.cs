using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Users;

/// <summary>
/// Applies the differences of an inbound rule's Docusign snapshot to PingOne. A refused credential goes through the
/// <see cref="ConnectionGate"/>, as on every outbound path: the change waits while the connection is quarantined.
/// </summary>
/// <remarks>
/// Each applied difference adds its outcome to the counts of the run that found it (the message's <c>SnapshotId</c>).
/// Delivery is at least once and the applier level-triggered, so a redelivered difference would find its own create
/// and report Unchanged; the count is therefore taken once per run and Docusign user
/// (<see cref="ISyncRunStore.AddOnceAsync"/>), by the first delivery that got an outcome. A process that dies between
/// the PingOne write and the count leaves that first outcome uncounted, and the redelivery counts what it then finds
/// (Unchanged, or Adopted); a difference that ends in the error queue is counted by nobody.
/// </remarks>
public sealed class InboundUserChangeConsumer(
    InboundRuleCatalog rules, InboundUserApplier applier, ConnectionGate gate, ISyncRunStore runs, ILogger<InboundUserChangeConsumer> logger)
    : IConsumer<DocusignUserAppeared>, IConsumer<DocusignUserChanged>, IConsumer<DocusignUserDisappeared>
{
    public Task Consume(ConsumeContext<DocusignUserAppeared> context) =>
        ApplyAsync(context, context.Message.RuleName, context.Message.SnapshotId, context.Message.DocusignUserId, context.Message.Attributes);

    public Task Consume(ConsumeContext<DocusignUserChanged> context) =>
        ApplyAsync(context, context.Message.RuleName, context.Message.SnapshotId, context.Message.DocusignUserId, context.Message.Current);

    public Task Consume(ConsumeContext<DocusignUserDisappeared> context) =>
        ApplyAsync(context, context.Message.RuleName, context.Message.SnapshotId, context.Message.DocusignUserId, null);

    private async Task ApplyAsync<T>(ConsumeContext<T> context, string ruleName, Guid snapshotId, string docusignUserId, DocusignUserAttributes? user)
        where T : class
    {
        if (rules.Find(ruleName) is not { Options.Enabled: true } rule)
        {
            logger.LogInformation("Inbound rule {Rule} is unknown or disabled here; Docusign user {DocusignUserId} left as it is", ruleName, docusignUserId);
            await CountAsync(snapshotId, docusignUserId, InboundUserOutcome.Skipped, context.CancellationToken);
            return;
        }

        InboundUserOutcome? outcome = null;
        var heldSince = gate.HeldSince(context.ReceiveContext.ElapsedTime);
        if (!await gate.RunAsync(
            rule.Options.SourceConnection, "inbound_user", docusignUserId, heldSince,
            async token => outcome = await applier.ApplyAsync(rule, docusignUserId, user, context.MessageId?.ToString(), token), context.CancellationToken))
        {
            await context.HandBackAsync();
            return;
        }

        if (outcome is { } applied)
        {
            await CountAsync(snapshotId, docusignUserId, applied, context.CancellationToken);
        }
    }

    private async Task CountAsync(Guid snapshotId, string docusignUserId, InboundUserOutcome outcome, CancellationToken ct) =>
        await runs.AddOnceAsync(snapshotId, docusignUserId, InboundUserRunCounts.Of(outcome), ct);
}
