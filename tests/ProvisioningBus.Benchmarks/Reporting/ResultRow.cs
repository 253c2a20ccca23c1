namespace ProvisioningBus.Benchmarks.Reporting;

/// <summary>One figure of the table, beside its baseline or target.</summary>
/// <param name="Met">Whether the target is met; null when the row has no target of its own.</param>
public sealed record ResultRow(string Section, string Figure, string Measured, string Baseline, string Ratio, string Target, bool? Met);
