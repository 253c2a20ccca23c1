namespace ProvisioningBus.State.Idempotency;

/// <summary>Events a consumer has already handled, so a redelivered or duplicated event is applied once.</summary>
public interface IProcessedEventStore
{
    /// <summary>Claims the event for the consumer.</summary>
    /// <returns><c>false</c> when it was already marked (skip it).</returns>
    Task<bool> TryMarkProcessedAsync(string consumer, string eventId, CancellationToken ct);

    /// <summary>Undoes a claim whose processing failed, so that the retry is not skipped.</summary>
    Task<bool> UnmarkAsync(string consumer, string eventId, CancellationToken ct);

    /// <summary>Forgets marks older than <paramref name="age"/> (relative to the store's clock).</summary>
    /// <returns>How many were removed.</returns>
    Task<int> PurgeOlderThanAsync(TimeSpan age, CancellationToken ct);
}
