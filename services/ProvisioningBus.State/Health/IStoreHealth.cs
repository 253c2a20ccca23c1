namespace ProvisioningBus.State.Health;

/// <summary>A cheap reachability probe for <c>/health/ready</c>.</summary>
public interface IStoreHealth
{
    /// <summary>Runs <c>SELECT 1</c>; never throws for an unreachable store (only for cancellation).</summary>
    Task<StoreHealthReport> CheckAsync(CancellationToken ct);
}
