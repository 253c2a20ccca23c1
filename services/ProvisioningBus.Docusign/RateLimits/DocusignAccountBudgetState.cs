namespace ProvisioningBus.Docusign;

/// <summary>
/// The calls a whole deployment has spent on one Docusign account, as every worker process shares it (see
/// <see cref="DocusignAccountBudgetPolicy"/>). Serialisable: the store keeps one per account.
/// </summary>
/// <param name="HourlyLimit">Calls per hour; null until an answer said.</param>
/// <param name="HourlyUsed">Calls reserved in the hour ending at <paramref name="HourlyResetsAt"/>, or reported by Docusign if more.</param>
/// <param name="BurstLimit">Calls per burst window; null until an answer said.</param>
/// <param name="FirstSlice">The index (time ÷ slice length) of <paramref name="SliceCounts"/>' first slice.</param>
/// <param name="SliceCounts">Calls reserved per slice, oldest first; the slices that can share a burst window with now.</param>
/// <param name="HourlyProbeAt">While the hour is spent: when one call may ask whether the limit was raised.</param>
public sealed record DocusignAccountBudgetState(
    int? HourlyLimit,
    int HourlyUsed,
    DateTimeOffset? HourlyResetsAt,
    int? BurstLimit,
    long FirstSlice,
    int[] SliceCounts,
    DateTimeOffset? HourlyProbeAt = null)
{
    public static DocusignAccountBudgetState Empty { get; } = new(null, 0, null, null, 0, []);
}
