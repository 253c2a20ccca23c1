namespace ProvisioningBus.State.Users;

/// <summary>
/// A PingOne user that an outbound rule provisioned in Docusign. Deletes cannot be re-read from PingOne,
/// so this link is how a delete finds its Docusign user.
/// </summary>
/// <param name="Rule">The outbound rule that owns the link.</param>
/// <param name="PingOneUserId">The source user.</param>
/// <param name="DocusignUserId">The target user (may change when a closed user is reactivated).</param>
/// <param name="Email">The email Docusign identifies the user by.</param>
/// <param name="AppliedHash">Hash of the mapped attributes last written, to skip no-op updates.</param>
/// <param name="SourceVersion">The PingOne <c>recordedAt</c> / <c>updatedAt</c> of the state last applied.</param>
/// <param name="UpdatedAt">When the link was last written.</param>
public sealed record UserLink(
    string Rule,
    string PingOneUserId,
    string DocusignUserId,
    string Email,
    string AppliedHash,
    DateTimeOffset SourceVersion,
    DateTimeOffset UpdatedAt);
