using ProvisioningBus.Core.Failures;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// Docusign refused one group in a bulk call (its per-item <c>errorDetails</c>), or the group cannot be managed at
/// all (a built-in group's name). Permanent for this change (recorded as the group's failure, not retried) unless its
/// code is a rate limit or an authentication code, which <see cref="FailureClassifier"/> sorts like any other answer.
/// </summary>
public sealed class GroupProvisioningException(string errorCode, string message) : Exception(message), IEntityFailure
{
    public string ErrorCode { get; } = errorCode;
}
