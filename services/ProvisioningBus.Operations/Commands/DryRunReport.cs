using ProvisioningBus.Inbound.Sync;

namespace ProvisioningBus.Operations.Commands;

/// <summary>What <c>dry-run</c> prints: a full sync's plan for one rule.</summary>
/// <param name="Enabled">False when the rule or its connection is disabled: a sync would then not run at all.</param>
/// <param name="Guard">The mass-deletion guard's verdict on the plan's deletions (inbound) or closes (outbound).</param>
public sealed record DryRunReport(
    string Rule,
    string Direction,
    bool Enabled,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyList<DryRunEntity> Entities,
    MassDeletionVerdict? Guard);
