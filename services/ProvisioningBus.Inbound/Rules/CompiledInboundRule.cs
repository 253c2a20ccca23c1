using System.Security.Cryptography;
using System.Text;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Inbound.Rules;

/// <summary>An inbound rule as loaded: its options with the mappings and filter compiled once.</summary>
public sealed record CompiledInboundRule(string Name, InboundRuleOptions Options, PingOneAttributeMapping Mapping, DocusignUserFilter Filter)
{
    /// <summary>
    /// Fingerprint of what decides which users the rule writes and how; a different one than the store remembers means
    /// the configuration changed (e.g. Sync Only Active Users turned on), which calls for a full resync. Enabled and the
    /// guard's thresholds are left out: they change when the rule acts, not what it would write.
    /// </summary>
    public string ConfigHash { get; } = ComputeConfigHash(Options);

    /// <summary>Whether the rule provisions a user in this state (Sync Only Active Users keeps only <c>Active</c> ones).</summary>
    public bool Provisions(DocusignUserAttributes user) =>
        !Options.SyncOnlyActiveUsers || string.Equals(user.UserStatus, "Active", StringComparison.OrdinalIgnoreCase);

    private static string ComputeConfigHash(InboundRuleOptions options)
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
