namespace ProvisioningBus.Inbound.Sync;

/// <summary>This process as a lease holder: unique per process start, so a restarted instance never inherits a lease.</summary>
public sealed class InboundInstance
{
    public string HolderId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
