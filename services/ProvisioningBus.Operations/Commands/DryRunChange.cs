namespace ProvisioningBus.Operations.Commands;

/// <summary>One attribute a planned write changes in the target system.</summary>
public sealed record DryRunChange(string Attribute, string? From, string? To);
