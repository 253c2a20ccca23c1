namespace ProvisioningBus.PingOne.Connection;

/// <summary>A cached bearer token and when to stop using it.</summary>
internal sealed record PingOneAccessToken(string Value, DateTimeOffset RefreshAfter);
