using System.Diagnostics.Metrics;

namespace ProvisioningBus.ServiceDefaults;

/// <summary>Our own instruments, on the <c>ProvisioningBus</c> meter every service exports.</summary>
public static class ProvisioningBusMetrics
{
    /// <summary>Webhook events by what the gateway did with them: published, ignored, echo.</summary>
    public static readonly Counter<long> WebhookEvents =
        ProvisioningBusTelemetry.Meter.CreateCounter<long>("provisioningbus.webhook.events", "{event}", "PingOne webhook events received, by disposition");

    /// <summary>Changes applied to a target, tagged resource (user, group, membership, inbound_user), action and outcome.</summary>
    public static readonly Counter<long> ChangesApplied =
        ProvisioningBusTelemetry.Meter.CreateCounter<long>("provisioningbus.changes.applied", "{change}", "Directory changes applied to the target system");

    /// <summary>Users in an inbound snapshot, and the differences it produced (tag kind: appeared, changed, disappeared).</summary>
    public static readonly Histogram<long> SnapshotSize =
        ProvisioningBusTelemetry.Meter.CreateHistogram<long>("provisioningbus.inbound.snapshot.size", "{user}", "Docusign users in one inbound snapshot");

    public static readonly Counter<long> DiffEntries =
        ProvisioningBusTelemetry.Meter.CreateCounter<long>("provisioningbus.inbound.diff.entries", "{user}", "Snapshot differences published, by kind");

    public static void RecordChange(string resource, string action, string outcome) =>
        ChangesApplied.Add(1, new KeyValuePair<string, object?>("resource", resource), new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("outcome", outcome));
}
