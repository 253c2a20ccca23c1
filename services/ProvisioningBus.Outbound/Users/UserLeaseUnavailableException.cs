namespace ProvisioningBus.Outbound.Users;

/// <summary>Another instance held the user's lease for longer than we wait; the message is retried later.</summary>
public sealed class UserLeaseUnavailableException(string leaseName)
    : Exception($"The lease '{leaseName}' stayed held by another instance; the change will be retried.");
