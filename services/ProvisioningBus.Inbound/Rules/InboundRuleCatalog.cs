using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Inbound.Rules;

/// <summary>The configured inbound rules, compiled once; options validation has already rejected broken ones.</summary>
public sealed class InboundRuleCatalog
{
    private readonly Dictionary<string, CompiledInboundRule> rules;

    public InboundRuleCatalog(IOptions<InboundOptions> options)
    {
        rules = options.Value.Rules.ToDictionary(
            pair => pair.Key,
            pair =>
            {
                var errors = PingOneAttributeMapping.Compile(pair.Value.Mappings, out var mapping)
                    .Concat(DocusignUserFilter.Compile(pair.Value.UserFilter, out var filter))
                    .ToList();
                return mapping is null || filter is null
                    ? throw new InvalidOperationException($"Inbound rule '{pair.Key}' is invalid: {string.Join("; ", errors)}")
                    : new CompiledInboundRule(pair.Key, pair.Value, mapping, filter);
            },
            StringComparer.Ordinal);
    }

    public IReadOnlyCollection<CompiledInboundRule> All => rules.Values;

    public CompiledInboundRule? Find(string name) => rules.GetValueOrDefault(name);
}
