namespace ProvisioningBus.Core.Status;

/// <summary>Everything the status page, the status API and the CLI's <c>status</c> show.</summary>
/// <param name="ParkedEvents">Malformed webhook events waiting for an operator (<c>errors parked</c>).</param>
public sealed record StatusReport(
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ConnectionStatus> Connections,
    IReadOnlyList<RuleStatus> Rules,
    IReadOnlyList<QueueDepth>? Queues,
    string? QueuesUnavailableReason,
    long ParkedEvents);
