namespace ProvisioningBus.Core.Failures;

/// <summary>
/// A failure sorted by <see cref="FailureClassifier"/>, named as the ledger and the logs show it: the target's own error
/// code (e.g. <c>INVALID_EMAIL_ADDRESS_FOR_USER</c>) and message. Never a secret: the client exceptions carry none.
/// </summary>
public sealed record ClassifiedFailure(FailureKind Kind, string ErrorCode, string Message)
{
    public bool IsPermanent => Kind == FailureKind.Permanent;

    public bool IsAuthentication => Kind == FailureKind.Authentication;
}
