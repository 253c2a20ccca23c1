namespace ProvisioningBus.Expressions;

/// <summary>
/// A rule's mappings, target attribute → compiled expression: the defaults with the configured entries replacing
/// them per target, every one parsed and type-checked once when the rule loads.
/// </summary>
public sealed class MappingSet
{
    private readonly IReadOnlyDictionary<string, MappingExpression> expressions;

    private MappingSet(IReadOnlyDictionary<string, MappingExpression> expressions) => this.expressions = expressions;

    /// <param name="rejectTarget">Returns why a target may not be mapped, or null when it may.</param>
    /// <returns>The errors, each prefixed with its target attribute; <paramref name="set"/> is null when there are any.</returns>
    public static IReadOnlyList<string> Compile(
        IReadOnlyDictionary<string, string> defaults,
        IReadOnlyDictionary<string, string> configured,
        AttributeMappingValidator validator,
        Func<string, string?>? rejectTarget,
        out MappingSet? set)
    {
        var merged = new Dictionary<string, string>(defaults, StringComparer.Ordinal);
        foreach (var (target, source) in configured)
        {
            merged[target] = source;
        }

        var errors = new List<string>();
        var compiled = new Dictionary<string, MappingExpression>(StringComparer.Ordinal);
        foreach (var (target, source) in merged)
        {
            if (rejectTarget?.Invoke(target) is { } rejection)
            {
                errors.Add($"{target}: {rejection}");
                continue;
            }

            var result = validator.Validate(AttributeMapping.FromExpression(source, target));
            if (result.IsValid && result.Expression is not null)
            {
                compiled[target] = result.Expression;
            }
            else
            {
                errors.AddRange(result.Errors.Select(error => $"{target}: {error.Message}"));
            }
        }

        set = errors.Count == 0 ? new MappingSet(compiled) : null;
        return errors;
    }

    /// <summary>The target's value as text, or null when it is not mapped or evaluates to null.</summary>
    /// <exception cref="ExpressionEvaluationException">The expression cannot be evaluated for this source (e.g. a null condition).</exception>
    public string? Text(string target, IAttributeSource source) =>
        expressions.TryGetValue(target, out var expression) ? expression.Evaluate(source).ToText() : null;

    /// <summary>The expression text mapped to a target, for error messages.</summary>
    public string? ExpressionText(string target) => expressions.TryGetValue(target, out var expression) ? expression.Text : null;
}
