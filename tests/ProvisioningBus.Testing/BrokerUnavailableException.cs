namespace ProvisioningBus.Testing;

/// <summary>No broker could be found: integration tests fail rather than skip, so a green run always means a real broker ran them.</summary>
public sealed class BrokerUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
