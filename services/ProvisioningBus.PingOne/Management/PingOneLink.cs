namespace ProvisioningBus.PingOne.Management;

/// <summary>A HAL link.</summary>
internal sealed record PingOneLink(string? Href);
