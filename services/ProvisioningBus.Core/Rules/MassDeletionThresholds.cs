using System.Globalization;
using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Core.Rules;

/// <summary>
/// The one reading of <see cref="MassDeletionGuardOptions"/>, for both directions: whether a run's deletions exceed a
/// threshold, and the operator's account of it.
/// </summary>
public static class MassDeletionThresholds
{
    /// <param name="deletions">Users the run would delete or close.</param>
    /// <param name="provisioned">Users the rule provisioned before the run (the base of the percentage).</param>
    /// <param name="what">What the run would do, e.g. "this snapshot would delete".</param>
    /// <param name="users">Whose users, e.g. "PingOne users".</param>
    /// <param name="approval">How to approve, e.g. "(approve-deletions &lt;rule&gt;)".</param>
    /// <returns>Null when the deletions may go; otherwise why they are held.</returns>
    public static string? Exceeded(MassDeletionGuardOptions options, int deletions, int provisioned, string what, string users, string approval)
    {
        if (!options.Enabled || deletions == 0)
        {
            return null;
        }

        if (options.MaxDeletions is { } max && deletions > max)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Mass-deletion guard: {what} {deletions} of {provisioned} provisioned {users}, more than MaxDeletions {max}. Approve the deletions {approval} to apply them.");
        }

        var percent = provisioned == 0 ? 100 : deletions * 100.0 / provisioned;
        if (options.MaxDeletionPercent is { } maxPercent && percent > maxPercent)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Mass-deletion guard: {what} {deletions} of {provisioned} provisioned {users} ({percent:0.#}%), more than MaxDeletionPercent {maxPercent:0.#}%. Approve the deletions {approval} to apply them.");
        }

        return null;
    }

    /// <summary>Adds a failure naming the key for each invalid threshold under <paramref name="key"/>.</summary>
    public static void Validate(string key, MassDeletionGuardOptions guard, List<string> failures)
    {
        if (guard.MaxDeletions is < 0)
        {
            failures.Add($"{key}:MaxDeletions cannot be negative (was {guard.MaxDeletions}).");
        }

        if (guard.MaxDeletionPercent is < 0 or > 100 || guard.MaxDeletionPercent is double.NaN)
        {
            failures.Add($"{key}:MaxDeletionPercent must be between 0 and 100 (was {guard.MaxDeletionPercent}).");
        }
    }
}
