namespace ProvisioningBus.PingOne.Users;

/// <summary>Body of <c>GET/PUT /users/{id}/enabled</c> (schema UserEnabled).</summary>
public sealed record PingOneUserEnabled(bool Enabled);
