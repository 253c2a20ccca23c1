namespace ProvisioningBus.PingOne.Subscriptions;

/// <summary>What setting up a tenant reads and writes in PingOne: the environment itself and its webhook subscriptions.</summary>
public interface IPingOneEnvironmentSetup
{
    Task<PingOneEnvironment> ReadEnvironmentAsync(CancellationToken ct);

    Task<IReadOnlyList<PingOneSubscription>> ListSubscriptionsAsync(CancellationToken ct);

    Task<PingOneSubscription> CreateSubscriptionAsync(PingOneSubscription subscription, CancellationToken ct);

    /// <summary>PUT replaces the whole subscription; PingOne has no PATCH for it.</summary>
    Task<PingOneSubscription> ReplaceSubscriptionAsync(string subscriptionId, PingOneSubscription subscription, CancellationToken ct);

    Task DeleteSubscriptionAsync(string subscriptionId, CancellationToken ct);
}
