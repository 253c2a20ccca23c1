namespace ProvisioningBus.Expressions;

/// <summary>The ternary <c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed record ConditionalNode(ExpressionNode Condition, ExpressionNode WhenTrue, ExpressionNode WhenFalse, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = 1 + Math.Max(Condition.Depth, Math.Max(WhenTrue.Depth, WhenFalse.Depth));
}
