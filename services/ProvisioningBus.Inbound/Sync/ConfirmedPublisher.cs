using MassTransit;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>
/// Publishes a diff with a bounded number of messages awaiting the broker's confirm at once: one-at-a-time confirms
/// would make a 100k-user initial sync take minutes, unbounded ones would hold the whole diff in flight.
/// </summary>
public sealed class ConfirmedPublisher(IPublishEndpoint endpoint, int window)
{
    private readonly List<Task> inFlight = new(window);

    public async Task PublishAsync<T>(T message, CancellationToken ct)
        where T : class
    {
        inFlight.Add(endpoint.Publish(message, ct));
        if (inFlight.Count >= window)
        {
            await FlushAsync();
        }
    }

    /// <summary>Returns once the broker confirmed everything published so far; throws if it refused any.</summary>
    public async Task FlushAsync()
    {
        try
        {
            await Task.WhenAll(inFlight);
        }
        finally
        {
            inFlight.Clear();
        }
    }
}
