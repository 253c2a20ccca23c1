using ProvisioningBus.Inbound.Snapshots;
using ProvisioningBus.Inbound.Users;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>One Docusign user whose snapshot difference an inbound sync would apply, and what PingOne would see.</summary>
/// <param name="PingOneUserId">The linked, adopted or conflicting PingOne user; null for a create.</param>
/// <param name="HeldByGuard">A deletion the mass-deletion guard would hold for approval instead of applying.</param>
/// <param name="Reason">Why nothing is written, for <see cref="PlannedPingOneAction.LeaveExisting"/>, <see cref="PlannedPingOneAction.NotProvisioned"/> and <see cref="PlannedPingOneAction.Fail"/>.</param>
public sealed record PlannedPingOneUser(
    string DocusignUserId,
    string DisplayName,
    SnapshotDifferenceKind Difference,
    PlannedPingOneAction Action,
    string? PingOneUserId,
    IReadOnlyList<PingOneAttributeChange> Changes,
    bool HeldByGuard,
    string? Reason);
