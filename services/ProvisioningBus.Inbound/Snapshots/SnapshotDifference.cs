namespace ProvisioningBus.Inbound.Snapshots;

/// <summary>One user that differs between the stored snapshot and the one being taken.</summary>
/// <param name="Previous">The stored row (null when the user appeared).</param>
/// <param name="Current">The user now (null when the user disappeared).</param>
public sealed record SnapshotDifference(SnapshotDifferenceKind Kind, string DocusignUserId, State.Inbound.SnapshotRow? Previous, SnapshotUser? Current);
