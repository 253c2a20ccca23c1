namespace ProvisioningBus.State.Budgets;

/// <summary>One shared state as its owner serialised it, with the version a write must name to replace it.</summary>
public sealed record SharedCounter(string State, long Version);
