namespace ProvisioningBus.Contracts;

/// <summary>A Docusign user that was in the previous snapshot of the rule is no longer listed.</summary>
public sealed record DocusignUserDisappeared
{
    /// <summary>The inbound rule whose snapshot found the difference.</summary>
    public required string RuleName { get; init; }

    /// <summary>Identifies the snapshot run; every difference of one run shares it.</summary>
    public required Guid SnapshotId { get; init; }

    /// <summary>Docusign's <c>userId</c>.</summary>
    public required string DocusignUserId { get; init; }

    /// <summary>The user's attributes in the previous snapshot (the last ones known).</summary>
    public required DocusignUserAttributes LastKnown { get; init; }

    /// <summary>When the snapshot was taken.</summary>
    public required DateTimeOffset ObservedAt { get; init; }
}
