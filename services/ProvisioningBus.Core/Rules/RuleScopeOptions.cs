namespace ProvisioningBus.Core.Rules;

/// <summary>Which source users a rule provisions. No conditions means every user of the source environment.</summary>
public sealed class RuleScopeOptions
{
    public ScopeMatch Match { get; set; } = ScopeMatch.All;

    public List<ScopeConditionOptions> Conditions { get; set; } = [];
}
