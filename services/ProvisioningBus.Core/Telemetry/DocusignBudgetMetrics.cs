using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Docusign;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Core.Telemetry;

/// <summary>
/// Publishes each Docusign connection's remaining hourly and burst budget as gauges, read from the last
/// X-RateLimit-* / X-BurstLimit-* headers: the account-wide budget is the real ceiling of this system.
/// </summary>
public sealed class DocusignBudgetMetrics(IDocusignClientProvider docusign) : IHostedService, IDisposable
{
    private Meter? meter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A meter of the same name as ProvisioningBusTelemetry.Meter, owned by this service so its gauges go with it.
        meter = new Meter(ProvisioningBusTelemetry.SourceName);
        meter.CreateObservableGauge("provisioningbus.docusign.budget.hourly_remaining", () => Observe(budget => budget.HourlyRemaining), "{call}", "Docusign API calls left in the current hour");
        meter.CreateObservableGauge("provisioningbus.docusign.budget.burst_remaining", () => Observe(budget => budget.BurstRemaining), "{call}", "Docusign API calls left in the current 30 s burst window");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        meter?.Dispose();
        meter = null;
    }

    private IEnumerable<Measurement<int>> Observe(Func<IDocusignRateBudget, int?> read) =>
        docusign.ConnectionNames
            .Select(name => (name, value: read(docusign.Get(name).RateBudget)))
            .Where(pair => pair.value is not null)
            .Select(pair => new Measurement<int>(pair.value!.Value, new KeyValuePair<string, object?>("connection", pair.name)));
}
