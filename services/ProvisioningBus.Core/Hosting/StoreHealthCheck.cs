using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProvisioningBus.State.Health;

namespace ProvisioningBus.Core.Hosting;

/// <summary>Reports the state store's reachability on <c>/health/ready</c>.</summary>
public sealed class StoreHealthCheck(IStoreHealth health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await health.CheckAsync(cancellationToken);
        return report.IsHealthy
            ? HealthCheckResult.Healthy($"{report.Provider} store reachable")
            : HealthCheckResult.Unhealthy($"{report.Provider} store unreachable: {report.Error}");
    }
}
