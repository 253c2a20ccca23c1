using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>Which PingOne groups a rule pushes (its "Groups to push").</summary>
public static class PushedGroups
{
    public static bool Pushes(this CompiledOutboundRule rule, string pingOneGroupId) =>
        rule.Options.GroupsToPush.Contains(pingOneGroupId, StringComparer.Ordinal);
}
