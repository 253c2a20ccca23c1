using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Core.DeadLetters;

/// <summary>
/// The last step of a receive endpoint's error pipe: once MassTransit has moved a change to <c>_error</c>, it records
/// the change's entity as Failed (<see cref="DeadLetterReason.ErrorCode"/>) for each rule the change was for, so the
/// rule's status and <c>failures</c> show it with the reason and the time. The entity's next success (the replay, or a
/// later change) overwrites the row, as any outcome does.
/// </summary>
/// <remarks>
/// Recorded here, by the process that moves the message and at the moment it does, rather than by a consumer of
/// <c>Fault&lt;T&gt;</c> (a second delivery that can be lost or arrive at a process without the rules) or by reading the
/// <c>_error</c> queues on every status read (the broker's management API in the status path, and messages taken and
/// returned just to be looked at). After the move, not before: a move that fails leaves the change on its queue, to be
/// retried, and it must not show as dead-lettered. A ledger write that fails (the store may be the very outage) is
/// logged and dropped: throwing here would fail the receive after the move and put the change in <c>_error</c> twice;
/// <c>errors list</c> still shows it.
/// </remarks>
public sealed class DeadLetterLedgerFilter(IServiceProvider services) : IFilter<ExceptionReceiveContext>
{
    /// <summary>Enough for a healthy store; a stalled one must not hold the endpoint's error path for long.</summary>
    private static readonly TimeSpan RecordTimeout = TimeSpan.FromSeconds(10);

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        await next.Send(context);
        await RecordAsync(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("deadLetterLedger");

    private async Task RecordAsync(ExceptionReceiveContext context)
    {
        if (services.GetService<IProvisioningStore>() is not { } store)
        {
            return;
        }

        var logger = services.GetService<ILogger<DeadLetterLedgerFilter>>();
        var queue = context.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var configuration = services.GetService<IConfiguration>();
        var outbound = configuration?.GetSection(OutboundOptions.SectionName).Get<OutboundOptions>() ?? new OutboundOptions();
        if (ChangeSubjects.Describe(context.Body.GetBytes(), queue, outbound) is not { } subject)
        {
            return;
        }

        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        using var timeout = new CancellationTokenSource(RecordTimeout);
        foreach (var rule in subject.Rules)
        {
            try
            {
                await store.Ledger.RecordAsync(
                    new EntityOutcome(rule, subject.Kind, subject.EntityId, subject.DisplayName, SyncOutcome.Failed, DeadLetterReason.ErrorCode,
                        DeadLetterReason.Describe(queue, context.Exception, subject, rule), time.GetUtcNow())
                    {
                        Change = DeadLetterReason.Detail(subject, context.Exception),
                    },
                    timeout.Token);
            }
            catch (Exception exception)
            {
                logger?.LogWarning(
                    "Rule {Rule}: {Kind} {EntityId} went to {Queue}_error but its ledger row could not be written ({Error}); errors list shows it",
                    rule, subject.Kind, subject.EntityId, queue, exception.Message);
            }
        }

        logger?.LogWarning(
            "{MessageType} of {Kind} {EntityId} moved to {Queue}_error after its retries: {Error}",
            subject.MessageType, subject.Kind, subject.EntityId, queue, context.Exception.Message);
    }
}
