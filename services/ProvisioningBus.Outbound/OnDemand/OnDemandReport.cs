namespace ProvisioningBus.Outbound.OnDemand;

/// <summary>What a provision on demand did, step by step.</summary>
/// <param name="Outcome">The user consumer's outcome (<c>Created</c>, <c>Updated</c>, …), or the planned action of a dry run.</param>
public sealed record OnDemandReport(string Rule, string? PingOneUserId, bool DryRun, IReadOnlyList<OnDemandStep> Steps, string Outcome, OnDemandResult Result);
