namespace ProvisioningBus.Docusign;

/// <summary>
/// Outcome of one requested user in a bulk create. When <see cref="AlreadyExists"/>, <see cref="UserId"/> is the
/// existing user's id if Docusign sent one (spec example; unverified, so resolve by email when absent).
/// </summary>
public sealed record DocusignUserCreateResult(NewDocusignUser Request, string? UserId, DocusignUserStatus Status, DocusignError? Error)
{
    public bool Succeeded => Error is null;

    public bool AlreadyExists => DocusignErrorCodes.Is(Error?.ErrorCode, DocusignErrorCodes.UserAlreadyExistsInAccount);
}
