namespace ProvisioningBus.PingOne.Subscriptions;

/// <summary><c>GET /environments/{envId}</c>: enough to prove the worker app may read its environment.</summary>
public sealed record PingOneEnvironment(string Id, string? Name, string? Region, string? Type);
