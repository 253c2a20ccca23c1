using ProvisioningBus.Core.Failures;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// A failure that retrying cannot fix (Docusign's 4xx validation errors, users the mappings cannot express): it is
/// recorded as the entity's outcome instead of being retried until the message lands in <c>_error</c>. Which
/// exceptions are permanent is <see cref="FailureClassifier"/>'s decision, as for every other entity.
/// </summary>
public sealed record PermanentFailure(string ErrorCode, string Message)
{
    public static PermanentFailure From(ClassifiedFailure failure) => new(failure.ErrorCode, failure.Message);

    public static PermanentFailure From(DocusignError error) => new(error.ErrorCode ?? "DOCUSIGN_ERROR", error.Message ?? "Docusign rejected the user.");
}
