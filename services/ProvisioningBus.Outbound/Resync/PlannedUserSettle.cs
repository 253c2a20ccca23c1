using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// A user that needs no Docusign write: only its ledger outcome and, when <see cref="DocusignUserId"/> is set, its link.
/// </summary>
/// <param name="Adopts">An unlinked Docusign user that already matches is linked (counted as adopted, not unchanged).</param>
public sealed record PlannedUserSettle(
    ResyncSubject Subject,
    UserLink? SeenLink,
    SyncOutcome Outcome,
    string? ErrorCode,
    string? ErrorMessage,
    string? DocusignUserId,
    string? Email,
    string? LinkHash,
    bool Adopts = false);
