namespace ProvisioningBus.Contracts;

/// <summary>Command: sync one rule now.</summary>
public sealed record SyncRule
{
    /// <summary>The rule to sync, outbound or inbound.</summary>
    public required string RuleName { get; init; }

    /// <summary>What kind of sync is asked for.</summary>
    public required SyncKind Kind { get; init; }

    /// <summary>Who asked (an operator name, "cli", "host"), for the sync ledger.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>When it was asked.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>
    /// Outbound: the mass-deletion hold (the rule status's pending approval id) whose Docusign closes this sync may make;
    /// null for an ordinary sync, which the guard holds again.
    /// </summary>
    public Guid? ApprovedDeletions { get; init; }
}
