using ProvisioningBus.State.Log;

namespace ProvisioningBus.State.Ledger;

/// <summary>The latest sync result of one user or group under one rule.</summary>
/// <param name="ErrorCode">Docusign's <c>errorCode</c> (or ours) when the outcome is not a success.</param>
/// <param name="ErrorMessage">The target's message, safe to show operators (never a secret).</param>
public sealed record EntityOutcome(
    string Rule,
    EntityKind EntityKind,
    string EntityId,
    string DisplayName,
    SyncOutcome Outcome,
    string? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset At)
{
    /// <summary>For the provisioning log only (not stored in the ledger): what the change did and where it came from.</summary>
    public ChangeDetail? Change { get; init; }
}
