using System.Diagnostics.Metrics;

namespace ProvisioningBus.ServiceDefaults;

/// <summary>Our own instruments, on the <c>ProvisioningBus</c> meter every service exports.</summary>
public static class ProvisioningBusMetrics
{
    /// <summary>Webhook events by what the gateway did with them: published, ignored, echo, parked.</summary>
    public static readonly Counter<long> WebhookEvents =
        ProvisioningBusTelemetry.Meter.CreateCounter<long>("provisioningbus.webhook.events", "{event}", "PingOne webhook events received, by disposition");

    /// <summary>Webhook events not published, by reason: echo, foreign_environment, unhandled_type, not_succeeded.</summary>
    public static readonly Counter<long> WebhookIgnored =
        ProvisioningBusTelemetry.Meter.CreateCounter<long>("provisioningbus.webhook.ignored", "{event}", "PingOne webhook events ignored, by reason");

    /// <summary>Changes no outbound rule takes, tagged resource (user, group, membership), reason (foreign_environment, rule_disabled) and the PingOne environment.</summary>
    public static readonly Counter<long> ChangesUnrouted =
        ProvisioningBusTelemetry.Meter.CreateCounter<long>("provisioningbus.changes.unrouted", "{change}", "Directory changes no outbound rule takes, by reason");

    /// <summary>Changes applied to a target, tagged resource (user, group, membership, inbound_user), action and outcome.</summary>
    public static readonly Counter<long> ChangesApplied =
        ProvisioningBusTelemetry.Meter.CreateCounter<long>("provisioningbus.changes.applied", "{change}", "Directory changes applied to the target system");

    /// <summary>Docusign users in a completed inbound snapshot (after the rule's filter).</summary>
    public static readonly Histogram<long> SnapshotSize =
        ProvisioningBusTelemetry.Meter.CreateHistogram<long>("provisioningbus.inbound.snapshot.size", "{user}", "Docusign users in one inbound snapshot");

    /// <summary>Differences completed snapshot runs found, tagged kind (appeared, changed, disappeared); held deletions included.</summary>
    public static readonly Counter<long> DiffEntries =
        ProvisioningBusTelemetry.Meter.CreateCounter<long>("provisioningbus.inbound.diff.entries", "{user}", "Snapshot differences found, by kind");

    public static void RecordChange(AppliedChange change, long count = 1)
    {
        if (count > 0)
        {
            ChangesApplied.Add(
                count,
                new KeyValuePair<string, object?>("resource", change.Resource),
                new KeyValuePair<string, object?>("action", change.Action),
                new KeyValuePair<string, object?>("outcome", change.Outcome));
        }
    }

    /// <summary>Counts one completed snapshot run: its size, and each kind of difference it found (held deletions included).</summary>
    public static void RecordSnapshot(long users, long appeared, long changed, long disappeared)
    {
        SnapshotSize.Record(users);
        DiffEntries.Add(appeared, new KeyValuePair<string, object?>("kind", "appeared"));
        DiffEntries.Add(changed, new KeyValuePair<string, object?>("kind", "changed"));
        DiffEntries.Add(disappeared, new KeyValuePair<string, object?>("kind", "disappeared"));
    }
}
