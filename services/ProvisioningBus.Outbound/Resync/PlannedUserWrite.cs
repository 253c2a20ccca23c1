using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// A Docusign write the resync plans for one user: a create (<see cref="NewUser"/>; with
/// <see cref="ExistingDocusignUserId"/> it reactivates a closed user), an update (<see cref="Update"/>) or a close
/// (neither).
/// </summary>
/// <param name="SeenLink">The link the plan read; the write is dropped if it changed before the user's lease was taken.</param>
/// <param name="Changes">What the write changes in Docusign, for a preview.</param>
public sealed record PlannedUserWrite(
    ResyncSubject Subject,
    UserLink? SeenLink,
    MappedDocusignUser Mapped,
    string Hash,
    string? ExistingDocusignUserId,
    NewDocusignUser? NewUser,
    DocusignUserUpdate? Update,
    IReadOnlyList<AttributeChange> Changes);
