namespace ProvisioningBus.Contracts;

/// <summary>
/// A Docusign user's attributes or status differ from the previous snapshot of the rule.
/// A status change (e.g. to <c>Closed</c>) is a change too: the inbound rule decides what it means.
/// </summary>
public sealed record DocusignUserChanged
{
    /// <summary>The inbound rule whose snapshot found the difference.</summary>
    public required string RuleName { get; init; }

    /// <summary>Identifies the snapshot run; every difference of one run shares it.</summary>
    public required Guid SnapshotId { get; init; }

    /// <summary>Docusign's <c>userId</c>.</summary>
    public required string DocusignUserId { get; init; }

    /// <summary>The user's attributes in the previous snapshot.</summary>
    public required DocusignUserAttributes Previous { get; init; }

    /// <summary>The user's attributes in this snapshot.</summary>
    public required DocusignUserAttributes Current { get; init; }

    /// <summary>When the snapshot was taken.</summary>
    public required DateTimeOffset ObservedAt { get; init; }
}
