namespace ProvisioningBus.Expressions;

/// <summary>
/// Walks the tree over a closed set of node and value types. The only way out of the sandbox is
/// <see cref="IAttributeSource.GetValue"/> and the whitelisted functions: no reflection, no I/O, no loops, and the
/// tree's depth is capped at parse time, so the recursion is bounded.
/// </summary>
internal static class Evaluator
{
    public static ExpressionValue Evaluate(ExpressionNode node, IAttributeSource source) => node switch
    {
        LiteralNode literal => literal.Value,
        AttributeNode attribute => source.GetValue(attribute.Path),
        MemberNode member => Evaluate(member.Target, source) is MapValue map ? map.Get(member.Name) : NullValue.Instance,
        IndexNode index => Index(Evaluate(index.Target, source), Evaluate(index.Key, source), index.Position),
        UnaryNode { Operator: UnaryOperator.Not } negation => ExpressionValue.Of(!Condition(negation.Operand, source, "'!'")),
        UnaryNode negate => Negate(Evaluate(negate.Operand, source), negate.Position),
        BinaryNode binary => Binary(binary, source),
        ConditionalNode conditional => Condition(conditional.Condition, source, "The condition of '?'")
            ? Evaluate(conditional.WhenTrue, source)
            : Evaluate(conditional.WhenFalse, source),
        ElvisNode elvis => Evaluate(elvis.Value, source) switch
        {
            // SpEL's Elvis treats the empty string like null: '' ?: 'x' is 'x'.
            NullValue or StringValue { Value: "" } => Evaluate(elvis.Fallback, source),
            var value => value,
        },
        MapLiteralNode map => new MapValue(map.Entries.Select(entry => KeyValuePair.Create(entry.Key, Evaluate(entry.Value, source)))),
        ListLiteralNode list => new ListValue(list.Items.Select(item => Evaluate(item, source))),
        CallNode call => call.Function.Invoke(call.Arguments.Select(argument => Evaluate(argument, source)).ToArray(), call.Position),
        _ => throw new InvalidOperationException($"Unhandled node {node.GetType().Name}."),
    };

    private static ExpressionValue Binary(BinaryNode node, IAttributeSource source) => node.Operator switch
    {
        // Short-circuit like SpEL: the right side is not evaluated (and cannot fail) once the result is known.
        BinaryOperator.And => ExpressionValue.Of(Condition(node.Left, source, "The left side of '&&'") && Condition(node.Right, source, "The right side of '&&'")),
        BinaryOperator.Or => ExpressionValue.Of(Condition(node.Left, source, "The left side of '||'") || Condition(node.Right, source, "The right side of '||'")),
        BinaryOperator.Equal => ExpressionValue.Of(Evaluate(node.Left, source).Equals(Evaluate(node.Right, source))),
        BinaryOperator.NotEqual => ExpressionValue.Of(!Evaluate(node.Left, source).Equals(Evaluate(node.Right, source))),
        _ => Add(Evaluate(node.Left, source), Evaluate(node.Right, source), node.Position),
    };

    // SpEL 5.1's OpPlus turns a null next to a string into the text "null" ("John" + null is "Johnnull"). We
    // concatenate null as the empty string instead: a missing middle name must not write "null" into a Docusign
    // lastName. Two nulls stay null so that '?:' can still supply a default.
    private static ExpressionValue Add(ExpressionValue left, ExpressionValue right, int position) => (left, right) switch
    {
        (StringValue, _) or (_, StringValue) => new StringValue(
            ValueSemantics.Text(left, "'+'", position) + ValueSemantics.Text(right, "'+'", position)),
        (NumberValue a, NumberValue b) => Sum(a.Value, b.Value, position),
        (NullValue, NullValue) => NullValue.Instance,
        _ => throw new ExpressionEvaluationException(
            $"Cannot apply '+' to {ValueSemantics.Describe(left)} and {ValueSemantics.Describe(right)} at position {position}", position),
    };

    private static NumberValue Sum(decimal a, decimal b, int position)
    {
        try
        {
            return new NumberValue(a + b);
        }
        catch (OverflowException)
        {
            throw new ExpressionEvaluationException($"Number overflow in '+' at position {position}", position);
        }
    }

    private static NumberValue Negate(ExpressionValue operand, int position) => operand is NumberValue number
        ? new NumberValue(-number.Value)
        : throw new ExpressionEvaluationException($"Cannot negate {ValueSemantics.Describe(operand)} at position {position}", position);

    // Missing entries are null (SpEL's map indexer does the same), so 'map[key] ?: default' works.
    private static ExpressionValue Index(ExpressionValue target, ExpressionValue key, int position) => (target, key) switch
    {
        (_, NullValue) => NullValue.Instance,
        (MapValue map, _) => map.Get(ValueSemantics.Text(key, "a map key", position)),
        (ListValue list, NumberValue) => ValueSemantics.Integer(key, "A list index", position) is var i && i >= 0 && i < list.Items.Count
            ? list.Items[i]
            : NullValue.Instance,
        (StringValue text, NumberValue) => ValueSemantics.Integer(key, "A string index", position) is var i && i >= 0 && i < text.Value.Length
            ? new StringValue(text.Value[i].ToString())
            : NullValue.Instance,
        (NullValue, _) => NullValue.Instance,
        _ => throw new ExpressionEvaluationException(
            $"Cannot index {ValueSemantics.Describe(target)} with {ValueSemantics.Describe(key)} at position {position}", position),
    };

    // SpEL refuses a null condition (EL1001E type conversion); so do we. Treating a missing 'enabled' as false
    // would map a user to 'Closed' and close their Docusign account on a data gap.
    private static bool Condition(ExpressionNode node, IAttributeSource source, string role) => Evaluate(node, source) switch
    {
        BooleanValue boolean => boolean.Value,
        var other => throw new ExpressionEvaluationException(
            $"{role} at position {node.Position} is {ValueSemantics.Describe(other)}, expected a boolean", node.Position),
    };
}
