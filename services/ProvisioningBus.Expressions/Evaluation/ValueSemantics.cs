namespace ProvisioningBus.Expressions;

/// <summary>The language's conversions, shared by the evaluator and the library functions.</summary>
internal static class ValueSemantics
{
    public static string Describe(ExpressionValue value) => value switch
    {
        StringValue => "a string",
        BooleanValue => "a boolean",
        NumberValue => "a number",
        MapValue => "a map",
        ListValue => "a list",
        _ => "null",
    };

    public static string Describe(ExpressionType type) => type switch
    {
        ExpressionType.String => "a string",
        ExpressionType.Boolean => "a boolean",
        ExpressionType.Number => "a number",
        _ => "a value of unknown type",
    };

    /// <summary>Text of a scalar for concatenation, map keys and string functions; null is the empty string.</summary>
    public static string Text(ExpressionValue value, string operation, int position) => value switch
    {
        NullValue => "",
        MapValue or ListValue => throw new ExpressionEvaluationException(
            $"Cannot use {Describe(value)} in {operation} at position {position}", position),
        _ => value.ToText()!,
    };

    public static int Integer(ExpressionValue value, string operation, int position) =>
        value is NumberValue { Value: var number } && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new ExpressionEvaluationException(
                $"{operation} at position {position} needs a whole number, got {Describe(value)} {value}", position);
}
