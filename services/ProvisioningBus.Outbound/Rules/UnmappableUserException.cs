using ProvisioningBus.Core.Failures;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>A user whose mapped attributes cannot make a Docusign user; a permanent failure of that user, not a retry.</summary>
public sealed class UnmappableUserException(string message) : Exception(message), IEntityFailure
{
    public string ErrorCode => "UNMAPPABLE_USER";
}
