namespace ProvisioningBus.Outbound.Rules;

/// <summary>This worker's identity as a lease holder: unique per process and per host container (tests run several in one process).</summary>
public sealed class WorkerInstance
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
