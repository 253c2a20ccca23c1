using ProvisioningBus.Core.Failures;

namespace ProvisioningBus.Inbound.Rules;

/// <summary>A Docusign user whose mapped attributes cannot make a PingOne user: a permanent failure of that user, not a retry.</summary>
public sealed class UnmappableUserException(string message) : Exception(message), IEntityFailure
{
    public string ErrorCode => "UNMAPPABLE_USER";
}
