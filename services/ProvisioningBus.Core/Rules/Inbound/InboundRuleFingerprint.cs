using System.Security.Cryptography;
using System.Text;

namespace ProvisioningBus.Core.Rules.Inbound;

/// <summary>
/// Fingerprint of what decides which users an inbound rule writes and how; a different one than the store remembers
/// means the configuration changed (e.g. Sync Only Active Users turned on), which calls for a full resync. Enabled and
/// the guard's thresholds are left out: they change when the rule acts, not what it would write. It lives beside the
/// schedule because the status reader, which runs without the inbound worker, predicts the same next run.
/// <para>
/// The store keeps it in <c>RuleState.ConfigHash</c> (<see cref="Remembered"/>), followed by what a deleted rule still
/// needs once its configuration is gone: whether it deprovisions, and how. RuleState has no column for that, as for
/// outbound rules. The suffix is written only when deprovisioning is on, so the hashes stored before it existed stay valid.
/// </para>
/// </summary>
public static class InboundRuleFingerprint
{
    private const string DeprovisionPrefix = ";deprovision=";

    /// <summary>The text the store remembers of a configured rule: <see cref="Compute"/> plus the deleted-rule fact.</summary>
    public static string Remembered(InboundRuleOptions options) => WithFacts(Compute(options), options);

    /// <summary><paramref name="stored"/>'s hash with <paramref name="options"/>' deleted-rule fact: the fact changes without a resync.</summary>
    public static string WithFacts(string stored, InboundRuleOptions options) =>
        options.DeprovisionOnRuleDeletion ? HashOf(stored) + DeprovisionPrefix + options.RemoveAction : HashOf(stored);

    /// <summary>The configuration hash part of a stored text (the whole text when it was stored before the suffix existed).</summary>
    public static string HashOf(string stored)
    {
        var end = stored.IndexOf(';', StringComparison.Ordinal);
        return end < 0 ? stored : stored[..end];
    }

    /// <summary>What deleting the rule does to its PingOne users: null leaves them, otherwise delete or disable them.</summary>
    public static RemoveAction? DeprovisionOf(string stored)
    {
        var at = stored.IndexOf(DeprovisionPrefix, StringComparison.Ordinal);
        return at >= 0 && Enum.TryParse<RemoveAction>(stored[(at + DeprovisionPrefix.Length)..], out var action) ? action : null;
    }

    public static string Compute(InboundRuleOptions options)
    {
        var text = new StringBuilder()
            .Append("source=").Append(options.SourceConnection).Append('\n')
            .Append("environment=").Append(options.TargetEnvironmentId).Append('\n')
            .Append("population=").Append(options.TargetPopulationId).Append('\n')
            .Append("activeOnly=").Append(options.SyncOnlyActiveUsers).Append('\n')
            .Append("filter=").Append(options.UserFilter.Match).Append('\n');
        foreach (var condition in options.UserFilter.Conditions)
        {
            text.Append("condition=").Append(condition.Attribute).Append('\u001f').Append(condition.Operator).Append('\u001f').Append(condition.Value).Append('\n');
        }

        foreach (var (target, source) in options.Mappings.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append("map=").Append(target).Append('\u001f').Append(source).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
