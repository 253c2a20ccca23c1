namespace ProvisioningBus.Outbound.Memberships;

/// <summary>
/// Some memberships of a batch could not be applied yet (the user is not provisioned yet, or Docusign failed
/// transiently). Transient: the retry policy redelivers the batch; what was applied is skipped on the retry.
/// </summary>
public sealed class MembershipsPendingException(string message) : Exception(message);
