namespace ProvisioningBus.Contracts;

/// <summary>
/// Command: release the deletions that an inbound rule's mass-deletion guard held back.
/// Only the held diff of the named snapshot is released, so a later, different diff needs its own approval.
/// </summary>
public sealed record ApproveInboundDeletions
{
    /// <summary>The inbound rule whose held deletions are approved.</summary>
    public required string RuleName { get; init; }

    /// <summary>The snapshot whose deletions were held.</summary>
    public required Guid SnapshotId { get; init; }

    /// <summary>Who approved, for the sync ledger.</summary>
    public required string ApprovedBy { get; init; }

    /// <summary>When it was approved.</summary>
    public required DateTimeOffset ApprovedAt { get; init; }
}
