namespace ProvisioningBus.Core.Status;

public interface IQueueDepthReader
{
    /// <summary>The queues of our virtual host, or null with a reason when the transport has no queues to read.</summary>
    Task<(IReadOnlyList<QueueDepth>? Queues, string? UnavailableReason)> ReadAsync(CancellationToken cancellationToken);
}
