namespace ProvisioningBus.PingOne;

/// <summary>A <c>{ "id": … }</c> reference (population, environment, group).</summary>
public sealed record PingOneReference(string Id);
