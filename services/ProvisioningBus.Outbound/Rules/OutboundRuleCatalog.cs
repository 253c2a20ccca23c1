using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Rules;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>The configured outbound rules, compiled once; options validation has already rejected broken ones.</summary>
public sealed class OutboundRuleCatalog
{
    private readonly IReadOnlyList<CompiledOutboundRule> rules;

    public OutboundRuleCatalog(IOptions<OutboundOptions> options)
    {
        rules = options.Value.Rules
            .Select(pair =>
            {
                var errors = UserAttributeMapping.Compile(pair.Value, out var mapping);
                return mapping is null
                    ? throw new InvalidOperationException($"Outbound rule '{pair.Key}' has invalid mappings: {string.Join("; ", errors)}")
                    : new CompiledOutboundRule(pair.Key, pair.Value, mapping) { Scope = RuleScope.Compile(pair.Value.Scope) };
            })
            .ToList();
    }

    public IReadOnlyList<CompiledOutboundRule> All => rules;

    /// <summary>The enabled rules whose source is the given PingOne environment.</summary>
    public IEnumerable<CompiledOutboundRule> ForEnvironment(string environmentId) =>
        rules.Where(rule => rule.Options.Enabled && string.Equals(rule.Options.SourceEnvironmentId, environmentId, StringComparison.Ordinal));

    public CompiledOutboundRule? Find(string ruleName) => rules.FirstOrDefault(rule => string.Equals(rule.Name, ruleName, StringComparison.Ordinal));
}
