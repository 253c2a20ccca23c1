namespace ProvisioningBus.Expressions;

/// <summary>A string value.</summary>
public sealed record StringValue(string Value) : ExpressionValue
{
    public override ExpressionType Type => ExpressionType.String;

    public override string ToText() => Value;

    public override string ToString() => $"'{Value.Replace("'", "''", StringComparison.Ordinal)}'";
}
