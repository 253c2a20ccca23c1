using ProvisioningBus.Core.Rules;
using ProvisioningBus.Expressions;
using ProvisioningBus.PingOne.Users;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>
/// A rule's scope, compiled once: PingOne's rule filter conditions (<c>population.id</c>, <c>memberOfGroups</c>, or any
/// user attribute) with the operator <c>equals</c>, combined with All or Any. No conditions means every user.
/// </summary>
public sealed class RuleScope
{
    public const string PopulationAttribute = "population.id";
    public const string MemberOfGroupsAttribute = "memberOfGroups";
    public const string EqualsOperator = "equals";

    private readonly ScopeMatch match;
    private readonly IReadOnlyList<Condition> conditions;

    private RuleScope(ScopeMatch match, IReadOnlyList<Condition> conditions)
    {
        this.match = match;
        this.conditions = conditions;
        GroupIds = conditions.Where(c => c.Kind == ConditionKind.Group).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every user of the source environment.</summary>
    public static RuleScope Everyone { get; } = new(ScopeMatch.All, []);

    /// <summary>The PingOne groups the scope tests membership of; a membership change of one of them can move a user in or out.</summary>
    public IReadOnlySet<string> GroupIds { get; }

    public bool HasConditions => conditions.Count > 0;

    /// <summary>Checks the conditions; returns one message per broken condition, naming its index.</summary>
    public static IReadOnlyList<string> Validate(RuleScopeOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Match))
        {
            errors.Add($"Match must be {ScopeMatch.All} or {ScopeMatch.Any}.");
        }

        for (var i = 0; i < options.Conditions.Count; i++)
        {
            var condition = options.Conditions[i];
            if (!string.Equals(condition.Operator, EqualsOperator, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Conditions:{i}:Operator '{condition.Operator}' is not supported: PingOne rule filters use '{EqualsOperator}'.");
            }

            if (string.IsNullOrWhiteSpace(condition.Attribute))
            {
                errors.Add($"Conditions:{i}:Attribute is required ({PopulationAttribute}, {MemberOfGroupsAttribute} or a user attribute).");
            }
            else if (!IsSpecial(condition.Attribute))
            {
                try
                {
                    _ = MappingExpression.Parse(condition.Attribute);
                }
                catch (ExpressionSyntaxException ex)
                {
                    errors.Add($"Conditions:{i}:Attribute '{condition.Attribute}' is not an attribute path: {ex.Message}");
                }
            }
        }

        return errors;
    }

    /// <summary>Compiles options that <see cref="Validate"/> accepted.</summary>
    public static RuleScope Compile(RuleScopeOptions options)
    {
        var compiled = options.Conditions.Select(condition =>
            string.Equals(condition.Attribute, PopulationAttribute, StringComparison.OrdinalIgnoreCase)
                ? new Condition(ConditionKind.Population, condition.Value, null)
                : string.Equals(condition.Attribute, MemberOfGroupsAttribute, StringComparison.OrdinalIgnoreCase)
                    ? new Condition(ConditionKind.Group, condition.Value, null)
                    : new Condition(ConditionKind.Attribute, condition.Value, MappingExpression.Parse(condition.Attribute)))
            .ToList();
        return new RuleScope(options.Match, compiled);
    }

    /// <summary>
    /// Whether the user is in scope. Group conditions read <see cref="PingOneUser.MemberOfGroupIds"/>, which PingOne
    /// returns only for single-user reads with <c>include=memberOfGroupIDs</c>; bulk readers fill it themselves.
    /// </summary>
    public bool Includes(PingOneUser user, IAttributeSource attributes)
    {
        if (conditions.Count == 0)
        {
            return true;
        }

        return match == ScopeMatch.Any
            ? conditions.Any(condition => Holds(condition, user, attributes))
            : conditions.All(condition => Holds(condition, user, attributes));
    }

    private static bool Holds(Condition condition, PingOneUser user, IAttributeSource attributes) => condition.Kind switch
    {
        ConditionKind.Population => string.Equals(user.Population?.Id, condition.Value, StringComparison.OrdinalIgnoreCase),
        ConditionKind.Group => user.MemberOfGroupIds?.Contains(condition.Value, StringComparer.OrdinalIgnoreCase) == true,
        _ => AttributeEquals(condition, attributes),
    };

    private static bool AttributeEquals(Condition condition, IAttributeSource attributes)
    {
        try
        {
            // PingOne's filter "equals" compares strings case-insensitively (SCIM eq); a missing attribute equals nothing.
            return string.Equals(condition.Path!.Evaluate(attributes).ToText(), condition.Value, StringComparison.OrdinalIgnoreCase);
        }
        catch (ExpressionEvaluationException)
        {
            return false;
        }
    }

    private static bool IsSpecial(string attribute) =>
        string.Equals(attribute, PopulationAttribute, StringComparison.OrdinalIgnoreCase)
        || string.Equals(attribute, MemberOfGroupsAttribute, StringComparison.OrdinalIgnoreCase);

    private enum ConditionKind
    {
        Population,
        Group,
        Attribute,
    }

    private sealed record Condition(ConditionKind Kind, string Value, MappingExpression? Path);
}
