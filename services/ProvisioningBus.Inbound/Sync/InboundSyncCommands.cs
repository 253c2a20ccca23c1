using MassTransit;
using ProvisioningBus.Contracts;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>The admin calls (HTTP API, CLI): they travel as commands, so whichever instance is free runs them.</summary>
public sealed class InboundSyncCommands(IBus bus, [FromKeyedServices(InboundExtensions.ScheduleClock)] TimeProvider time)
{
    /// <summary>Syncs the rule now; a manual sync keeps the daily time.</summary>
    public Task RequestSyncAsync(string rule, SyncKind kind, string requestedBy, CancellationToken ct) =>
        bus.Publish(new SyncRule { RuleName = rule, Kind = kind, RequestedBy = requestedBy, RequestedAt = time.GetUtcNow() }, ct);

    /// <summary>Releases the deletions the guard held under <paramref name="snapshotId"/> (see the rule's sync status).</summary>
    public Task ApproveDeletionsAsync(string rule, Guid snapshotId, string approvedBy, CancellationToken ct) =>
        bus.Publish(new ApproveInboundDeletions { RuleName = rule, SnapshotId = snapshotId, ApprovedBy = approvedBy, ApprovedAt = time.GetUtcNow() }, ct);
}
