using Microsoft.Extensions.Configuration;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.State.Rules;

namespace ProvisioningBus.Core.Rules;

/// <summary>
/// Mission §4: the source and target of a rule are fixed once it exists. Moving an outbound rule to another Docusign
/// account would resync against the new one and leave the old account's users active, so the change is refused at
/// start-up and by <c>validate</c>, comparing the configuration with the connection the store remembers per rule.
/// </summary>
public static class RuleEndpoints
{
    /// <summary>The Docusign connection each configured rule uses: an outbound rule's target, an inbound rule's source.</summary>
    public static IReadOnlyList<RuleEndpoint> Configured(IConfiguration configuration, DateTimeOffset now)
    {
        var outbound = configuration.GetSection(OutboundOptions.SectionName).Get<OutboundOptions>() ?? new OutboundOptions();
        var inbound = configuration.GetSection(InboundOptions.SectionName).Get<InboundOptions>() ?? new InboundOptions();
        return
        [
            .. outbound.Rules.Select(pair => new RuleEndpoint(pair.Key, RuleDirection.Outbound, pair.Value.TargetConnection, now)),
            .. inbound.Rules.Select(pair => new RuleEndpoint(pair.Key, RuleDirection.Inbound, pair.Value.SourceConnection, now)),
        ];
    }

    /// <summary>One problem per configured rule whose connection (or direction) differs from the stored one, naming the key and the fix.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<RuleEndpoint> configured, IEnumerable<RuleEndpoint> stored)
    {
        var remembered = stored.ToDictionary(endpoint => endpoint.Rule, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var endpoint in configured)
        {
            if (remembered.TryGetValue(endpoint.Rule, out var existing) && Describe(endpoint, existing) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    /// <summary>Null when <paramref name="configured"/> keeps the endpoint the rule was created with.</summary>
    public static string? Describe(RuleEndpoint configured, RuleEndpoint existing)
    {
        if (configured.Direction == existing.Direction && string.Equals(configured.Connection, existing.Connection, StringComparison.Ordinal))
        {
            return null;
        }

        var key = Key(configured);
        var was = configured.Direction == existing.Direction
            ? $"'{configured.Connection}', but the rule was created with '{existing.Connection}'"
            : $"set on an {configured.Direction.ToString().ToLowerInvariant()} rule, but '{configured.Rule}' was created as an {existing.Direction.ToString().ToLowerInvariant()} rule of '{existing.Connection}'";
        return $"{key} is {was}: the source and target of a rule are fixed once it exists. "
            + "To change it, delete the rule and create a new one: give the new rule another name, or remove this one and start "
            + $"the workers once before adding it back (a deleted rule deprovisions as its UserActions say); or put back '{existing.Connection}'.";
    }

    private static string Key(RuleEndpoint endpoint) => endpoint.Direction == RuleDirection.Outbound
        ? $"{OutboundOptions.SectionName}:Rules:{endpoint.Rule}:TargetConnection"
        : $"{InboundOptions.SectionName}:Rules:{endpoint.Rule}:SourceConnection";
}
