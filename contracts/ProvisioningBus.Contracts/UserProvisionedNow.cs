namespace ProvisioningBus.Contracts;

/// <summary>Response to <see cref="ProvisionUserNow"/> (and the CLI's <c>provision</c> report): what was done, step by step.</summary>
/// <param name="RuleName">The outbound rule.</param>
/// <param name="PingOneUserId">The PingOne user, once found.</param>
/// <param name="DryRun">Nothing was written.</param>
/// <param name="Steps">Each read, verdict and write, in order.</param>
/// <param name="Outcome">The user consumer's outcome (<c>Created</c>, <c>Updated</c>, …), or the decided action of a dry run.</param>
/// <param name="Result">How it ended.</param>
public sealed record UserProvisionedNow(string RuleName, string? PingOneUserId, bool DryRun, IReadOnlyList<ProvisionStep> Steps, string Outcome, ProvisionResult Result);
