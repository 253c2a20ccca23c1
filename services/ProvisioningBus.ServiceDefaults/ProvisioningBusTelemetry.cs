using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProvisioningBus.ServiceDefaults;

/// <summary>The names under which ProvisioningBus emits its own spans and metrics.</summary>
public static class ProvisioningBusTelemetry
{
    public const string SourceName = "ProvisioningBus";

    /// <summary>MassTransit's own ActivitySource and Meter name.</summary>
    public const string MassTransitSourceName = "MassTransit";

    public static readonly ActivitySource ActivitySource = new(SourceName);

    public static readonly Meter Meter = new(SourceName);
}
