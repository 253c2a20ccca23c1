using System.Globalization;

namespace ProvisioningBus.Expressions;

/// <summary>
/// A number. Decimal rather than double so that ids and counts read from JSON compare and print exactly
/// (<c>1</c> stays <c>"1"</c>, never <c>"1.0"</c> or <c>"0.99999"</c>).
/// </summary>
public sealed record NumberValue(decimal Value) : ExpressionValue
{
    public override ExpressionType Type => ExpressionType.Number;

    public override string ToText() => Value.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => ToText();
}
