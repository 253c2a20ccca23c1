namespace ProvisioningBus.Expressions;

/// <summary>A boolean value.</summary>
public sealed record BooleanValue(bool Value) : ExpressionValue
{
    public static BooleanValue True { get; } = new(true);

    public static BooleanValue False { get; } = new(false);

    public override ExpressionType Type => ExpressionType.Boolean;

    public override string ToText() => Value ? "true" : "false";

    public override string ToString() => ToText();
}
