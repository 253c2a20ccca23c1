namespace ProvisioningBus.Operations.Commands;

/// <summary>One user a sync would write (or would leave alone for a reason worth showing).</summary>
/// <param name="Action">create, reactivate, update, close, unlink, adopt, delete, skip, leave-existing, not-provisioned, fail.</param>
/// <param name="SourceId">The user's id in the rule's source: PingOne for outbound rules, Docusign for inbound ones.</param>
/// <param name="TargetId">The user's id in the target, when it has one.</param>
public sealed record DryRunEntity(
    string Action,
    string SourceId,
    string Name,
    string? TargetId,
    IReadOnlyList<DryRunChange> Changes,
    string? Reason,
    bool HeldByGuard = false);
