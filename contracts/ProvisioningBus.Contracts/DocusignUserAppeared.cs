namespace ProvisioningBus.Contracts;

/// <summary>A Docusign user is in this snapshot but was not in the previous one of the rule.</summary>
public sealed record DocusignUserAppeared
{
    /// <summary>The inbound rule whose snapshot found the difference.</summary>
    public required string RuleName { get; init; }

    /// <summary>Identifies the snapshot run; every difference of one run shares it.</summary>
    public required Guid SnapshotId { get; init; }

    /// <summary>Docusign's <c>userId</c>.</summary>
    public required string DocusignUserId { get; init; }

    /// <summary>The user's attributes in this snapshot.</summary>
    public required DocusignUserAttributes Attributes { get; init; }

    /// <summary>When the snapshot was taken.</summary>
    public required DateTimeOffset ObservedAt { get; init; }
}
