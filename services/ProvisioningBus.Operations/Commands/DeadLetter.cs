using ProvisioningBus.Core.DeadLetters;

namespace ProvisioningBus.Operations.Commands;

/// <summary>One message in an <c>_error</c> queue, as <c>errors list</c> shows it.</summary>
/// <param name="Queue">The <c>_error</c> queue it is in.</param>
/// <param name="Subject">Whom the change is about; null for a message that is not an entity change (a sync command).</param>
/// <param name="ExceptionType">MassTransit's <c>MT-Fault-ExceptionType</c> header: the exception that gave up.</param>
/// <param name="Reason">MassTransit's <c>MT-Fault-Message</c> header.</param>
/// <param name="FaultedAt">MassTransit's <c>MT-Fault-Timestamp</c> header: when it gave up.</param>
public sealed record DeadLetter(
    string Queue,
    string? MessageId,
    string? MessageType,
    ChangeSubject? Subject,
    string? ExceptionType,
    string? Reason,
    DateTimeOffset? FaultedAt);
