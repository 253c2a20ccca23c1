namespace ProvisioningBus.Expressions;

/// <summary>The null value: a missing attribute, a missing map key, the literal <c>null</c>.</summary>
public sealed record NullValue : ExpressionValue
{
    private NullValue()
    {
    }

    public static NullValue Instance { get; } = new();

    public override ExpressionType Type => ExpressionType.Unknown;

    public override string? ToText() => null;

    public override string ToString() => "null";
}
