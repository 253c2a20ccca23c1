namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>An event the gateway deliberately does not publish, with the reason it is counted under.</summary>
/// <param name="Reason">The metric tag: <c>echo</c>, <c>foreign_environment</c>, <c>unhandled_type</c> or <c>not_succeeded</c>.</param>
public sealed record IgnoredEvent(string? EventId, string? ActionType, string? EntityId, string Reason, string Detail);
