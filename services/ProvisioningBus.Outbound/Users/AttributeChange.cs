namespace ProvisioningBus.Outbound.Users;

/// <summary>One attribute a planned write changes: what the target holds now and what it would hold.</summary>
public sealed record AttributeChange(string Attribute, string? From, string? To);
