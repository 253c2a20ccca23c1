namespace ProvisioningBus.Docusign;

/// <summary>Per-user outcome of a bulk update, close, or membership change.</summary>
public sealed record DocusignUserChangeResult(string UserId, DocusignUserStatus Status, DocusignError? Error)
{
    public bool Succeeded => Error is null;
}
