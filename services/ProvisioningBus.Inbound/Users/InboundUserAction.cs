using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Inbound.Users;

/// <summary>The decision of <see cref="InboundUserDecision"/> for one Docusign user.</summary>
/// <param name="Mapped">The PingOne user the rule's mappings produce; null when the user is not provisioned or cannot be mapped.</param>
/// <param name="PingOneUserId">The PingOne user updated, adopted, deleted or left alone; null for a create.</param>
public sealed record InboundUserAction(InboundUserActionKind Kind, MappedPingOneUser? Mapped, string? PingOneUserId)
{
    public PingOneNewUser? NewUser { get; init; }

    /// <summary>What differs, for an update or an adoption; null when nothing does.</summary>
    public PingOneUserPatch? Patch { get; init; }

    /// <summary>The linked user was suspended by the Remove Action <c>Disable</c> and is provisioned again: enable it.</summary>
    public bool Enable { get; init; }

    /// <summary>What the write changes in PingOne, for a preview.</summary>
    public IReadOnlyList<PingOneAttributeChange> Changes { get; init; } = [];

    /// <summary>The ledger outcome once applied; null forgets the user's ledger entry (it is not the rule's any more).</summary>
    public SyncOutcome? Outcome { get; init; } = SyncOutcome.Success;

    public string? ErrorCode { get; init; }

    /// <summary>Why nothing is written; the ledger's error message.</summary>
    public string? Reason { get; init; }
}
