namespace ProvisioningBus.Inbound.Users;

/// <summary>One PingOne attribute a planned write changes: what PingOne holds now and what it would hold.</summary>
public sealed record PingOneAttributeChange(string Attribute, string? From, string? To);
