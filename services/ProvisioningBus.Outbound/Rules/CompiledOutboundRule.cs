using ProvisioningBus.Core.Rules;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>An outbound rule as loaded: its options with the mappings and the scope parsed once.</summary>
public sealed record CompiledOutboundRule(string Name, OutboundRuleOptions Options, UserAttributeMapping Mapping)
{
    public RuleScope Scope { get; init; } = RuleScope.Everyone;
}
