namespace ProvisioningBus.PingOne.Webhooks;

/// <summary>An event that was well formed but deliberately not turned into a change.</summary>
/// <param name="EventId">The event's <c>id</c>, when it had one.</param>
/// <param name="ActionType">The event's <c>action.type</c>, when it had one.</param>
/// <param name="Reason">Why it was skipped, for logs.</param>
/// <param name="Kind">Why it was skipped, for metrics.</param>
public sealed record IgnoredActivity(string? EventId, string? ActionType, string Reason, IgnoredActivityKind Kind);
