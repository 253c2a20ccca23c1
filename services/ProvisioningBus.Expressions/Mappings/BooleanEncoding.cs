namespace ProvisioningBus.Expressions;

/// <summary>How a string attribute spells a boolean state, used to suggest the converting expression in schema errors.</summary>
public sealed record BooleanEncoding(string WhenTrue, string WhenFalse);
