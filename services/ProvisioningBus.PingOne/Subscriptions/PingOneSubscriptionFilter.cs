namespace ProvisioningBus.PingOne.Subscriptions;

/// <summary><c>filterOptions</c>: the action types delivered (required, non-empty).</summary>
public sealed record PingOneSubscriptionFilter(IReadOnlyList<string> IncludedActionTypes);
