using System.Security.Cryptography;
using System.Text;

namespace ProvisioningBus.Core.Rules.Inbound;

/// <summary>
/// Fingerprint of what decides which users an inbound rule writes and how; a different one than the store remembers
/// means the configuration changed (e.g. Sync Only Active Users turned on), which calls for a full resync. Enabled and
/// the guard's thresholds are left out: they change when the rule acts, not what it would write. It lives beside the
/// schedule because the status reader, which runs without the inbound worker, predicts the same next run.
/// </summary>
public static class InboundRuleFingerprint
{
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
