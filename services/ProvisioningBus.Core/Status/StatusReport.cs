namespace ProvisioningBus.Core.Status;

/// <summary>Everything the status page, the status API and the CLI's <c>status</c> show.</summary>
public sealed record StatusReport(
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ConnectionStatus> Connections,
    IReadOnlyList<RuleStatus> Rules,
    IReadOnlyList<QueueDepth>? Queues,
    string? QueuesUnavailableReason);
