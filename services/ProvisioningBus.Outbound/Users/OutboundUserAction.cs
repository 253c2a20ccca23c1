using ProvisioningBus.Docusign;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Outbound.Users;

/// <summary>The decision of <see cref="OutboundUserDecision"/> for one user: what to write and what to record once it is written.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Wanted">What the rule wants Docusign to hold; null when the user is out of scope or cannot be mapped.</param>
/// <param name="DocusignUserId">
/// The existing Docusign user written or linked, which the link points to afterwards; null for a create, and when the
/// link is left as it is.
/// </param>
/// <param name="Adopts">An existing Docusign user the rule never linked is taken over (matched by email).</param>
public sealed record OutboundUserAction(OutboundUserActionKind Kind, WantedDocusignUser? Wanted, string? DocusignUserId, bool Adopts)
{
    /// <summary>The create request (a new user, or the re-POST of a closed one for <see cref="OutboundUserActionKind.Reactivate"/>).</summary>
    public NewDocusignUser? NewUser { get; init; }

    public DocusignUserUpdate? Update { get; init; }

    /// <summary>What the write changes in Docusign, for a preview; empty when Docusign was not read.</summary>
    public IReadOnlyList<AttributeChange> Changes { get; init; } = [];

    /// <summary>The ledger outcome once the action is applied.</summary>
    public SyncOutcome Outcome { get; init; } = SyncOutcome.Success;

    public string? ErrorCode { get; init; }

    /// <summary>Why nothing (or not everything) is written; the ledger's error message.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The hash the link stores: empty when the write was skipped, so that the next change compares again instead of
    /// taking Docusign for up to date.
    /// </summary>
    public string LinkHash => Kind == OutboundUserActionKind.Skip ? string.Empty : Wanted?.Hash ?? string.Empty;
}
