namespace ProvisioningBus.Outbound.Resync;

/// <summary>The PingOne user a planned resync step is about, as the plan read it (<paramref name="Version"/> is its updatedAt).</summary>
public sealed record ResyncSubject(string RuleName, string PingOneUserId, string DisplayName, DateTimeOffset Version);
