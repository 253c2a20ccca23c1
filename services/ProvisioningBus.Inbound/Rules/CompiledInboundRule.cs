using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Inbound.Rules;

/// <summary>An inbound rule as loaded: its options with the mappings and filter compiled once.</summary>
public sealed record CompiledInboundRule(string Name, InboundRuleOptions Options, PingOneAttributeMapping Mapping, DocusignUserFilter Filter)
{
    /// <summary>What the store remembers (<see cref="InboundRuleFingerprint.Remembered"/>); computed once per loaded rule.</summary>
    public string ConfigHash { get; } = InboundRuleFingerprint.Remembered(Options);

    /// <summary>Whether the rule provisions a user in this state (Sync Only Active Users keeps only <c>Active</c> ones).</summary>
    public bool Provisions(DocusignUserAttributes user) =>
        !Options.SyncOnlyActiveUsers || string.Equals(user.UserStatus, "Active", StringComparison.OrdinalIgnoreCase);
}
