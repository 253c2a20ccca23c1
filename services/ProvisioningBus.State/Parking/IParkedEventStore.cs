namespace ProvisioningBus.State.Parking;

/// <summary>
/// Webhook events parked by the gateway because they were malformed: a dead-letter store that the CLI lists and
/// replays and the status page counts. Parking is idempotent per event id, since PingOne redelivers whole batches.
/// </summary>
public interface IParkedEventStore
{
    /// <summary>
    /// Parks the events; one already parked (same id) is left as it was, so a batch that failed half-way is parked
    /// whole by PingOne's redelivery without duplicates.
    /// </summary>
    Task ParkAsync(IReadOnlyList<ParkedEvent> events, CancellationToken ct);

    /// <summary>The newest parked events first; replayed ones only when <paramref name="includeReplayed"/>.</summary>
    Task<IReadOnlyList<ParkedEvent>> ListAsync(bool includeReplayed, int limit, CancellationToken ct);

    Task<ParkedEvent?> GetAsync(string id, CancellationToken ct);

    /// <returns><c>false</c> when no event has that id.</returns>
    Task<bool> MarkReplayedAsync(string id, CancellationToken ct);

    /// <summary>How many parked events wait for an operator (not replayed).</summary>
    Task<long> CountWaitingAsync(CancellationToken ct);
}
