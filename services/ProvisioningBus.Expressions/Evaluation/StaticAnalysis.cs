namespace ProvisioningBus.Expressions;

/// <summary>What can be known about an expression's result without evaluating it, for schema checks at rule load.</summary>
internal static class StaticAnalysis
{
    /// <summary>The result type; null means "always null" (the literal <c>null</c>), which unifies with anything.</summary>
    public static ExpressionType? InferType(ExpressionNode node, AttributeSchema? sourceSchema) => node switch
    {
        LiteralNode { Value: NullValue } => null,
        LiteralNode literal => literal.Value.Type,
        AttributeNode attribute => attribute.Path.IsRoot ? ExpressionType.Unknown : sourceSchema?.Find(attribute.Path.Dotted)?.Type ?? ExpressionType.Unknown,
        IndexNode { Target: MapLiteralNode map } => map.Entries.Aggregate((ExpressionType?)null, (type, entry) => Unify(type, InferType(entry.Value, sourceSchema))),
        UnaryNode { Operator: UnaryOperator.Negate } => ExpressionType.Number,
        UnaryNode => ExpressionType.Boolean,
        BinaryNode { Operator: BinaryOperator.Add } add => (InferType(add.Left, sourceSchema), InferType(add.Right, sourceSchema)) switch
        {
            (ExpressionType.String, _) or (_, ExpressionType.String) => ExpressionType.String,
            (ExpressionType.Number, ExpressionType.Number) => ExpressionType.Number,
            _ => ExpressionType.Unknown,
        },
        BinaryNode => ExpressionType.Boolean,
        ConditionalNode conditional => Unify(InferType(conditional.WhenTrue, sourceSchema), InferType(conditional.WhenFalse, sourceSchema)),
        ElvisNode elvis => Unify(InferType(elvis.Value, sourceSchema), InferType(elvis.Fallback, sourceSchema)),
        CallNode { Function.ResultArguments: { } results } call => results(call.Arguments.Count)
            .Aggregate((ExpressionType?)null, (type, index) => Unify(type, InferType(call.Arguments[index], sourceSchema))),
        CallNode call => call.Function.ResultType,
        _ => ExpressionType.Unknown,
    };

    /// <summary>
    /// The texts the expression can produce when every outcome is a string constant (null outcomes are left out),
    /// such as <c>{'Active', 'Closed'}</c> for <c>#root.enabled ? 'Active' : 'Closed'</c>; null when any outcome
    /// is computed.
    /// </summary>
    public static IReadOnlySet<string>? PossibleTexts(ExpressionNode node) => node switch
    {
        LiteralNode { Value: StringValue text } => new HashSet<string>(StringComparer.Ordinal) { text.Value },
        LiteralNode { Value: NullValue } => new HashSet<string>(StringComparer.Ordinal),
        ConditionalNode conditional => Union([conditional.WhenTrue, conditional.WhenFalse]),
        ElvisNode elvis => Union([elvis.Value, elvis.Fallback]),
        IndexNode { Target: MapLiteralNode map } => Union(map.Entries.Select(entry => entry.Value)),
        CallNode { Function.ResultArguments: { } results } call => Union(results(call.Arguments.Count).Select(index => call.Arguments[index])),
        _ => null,
    };

    private static ExpressionType? Unify(ExpressionType? a, ExpressionType? b) =>
        a is null ? b : b is null ? a : a == b ? a : ExpressionType.Unknown;

    private static HashSet<string>? Union(IEnumerable<ExpressionNode> nodes)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (PossibleTexts(node) is not { } part)
            {
                return null;
            }

            texts.UnionWith(part);
        }

        return texts;
    }
}
