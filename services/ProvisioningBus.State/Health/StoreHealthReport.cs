namespace ProvisioningBus.State.Health;

/// <summary>Whether the store answered. <see cref="Error"/> is the provider's message, which carries no password.</summary>
public sealed record StoreHealthReport(bool IsHealthy, string Provider, string? Error);
