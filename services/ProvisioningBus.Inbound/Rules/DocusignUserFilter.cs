using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Inbound.Rules;

/// <summary>An inbound rule's user filter, checked once at load; no conditions takes every user.</summary>
public sealed class DocusignUserFilter
{
    private readonly ScopeMatch match;
    private readonly IReadOnlyList<(string Attribute, string Value)> conditions;

    private DocusignUserFilter(ScopeMatch match, IReadOnlyList<(string Attribute, string Value)> conditions)
    {
        this.match = match;
        this.conditions = conditions;
    }

    /// <summary>Returns the problems, each prefixed with the condition's index key (<c>Conditions:0:Attribute</c>).</summary>
    public static IReadOnlyList<string> Compile(InboundUserFilterOptions options, out DocusignUserFilter? filter)
    {
        var errors = new List<string>();
        var compiled = new List<(string, string)>();
        if (!Enum.IsDefined(options.Match))
        {
            errors.Add($"Match must be {string.Join(" or ", Enum.GetNames<ScopeMatch>())}");
        }

        for (var i = 0; i < options.Conditions.Count; i++)
        {
            var condition = options.Conditions[i];
            var attribute = condition.Attribute == "status" ? "userStatus" : condition.Attribute;
            if (!DocusignUserAttributeSource.AttributeNames.Contains(attribute, StringComparer.Ordinal))
            {
                errors.Add($"Conditions:{i}:Attribute '{condition.Attribute}' is not a Docusign user attribute a filter can read; use one of {string.Join(", ", DocusignUserAttributeSource.AttributeNames)}");
            }

            if (!string.Equals(condition.Operator, "equals", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Conditions:{i}:Operator '{condition.Operator}' is not supported; the only operator is 'equals' (as in PingOne's rule filter)");
            }

            compiled.Add((attribute, condition.Value ?? string.Empty));
        }

        filter = errors.Count == 0 ? new DocusignUserFilter(options.Match, compiled) : null;
        return errors;
    }

    public bool Includes(string docusignUserId, DocusignUserAttributes user)
    {
        if (conditions.Count == 0)
        {
            return true;
        }

        bool Holds((string Attribute, string Value) condition) => string.Equals(
            DocusignUserAttributeSource.Read(docusignUserId, user, condition.Attribute) ?? string.Empty,
            condition.Value,
            StringComparison.OrdinalIgnoreCase);

        return match == ScopeMatch.Any ? conditions.Any(Holds) : conditions.All(Holds);
    }
}
