namespace ProvisioningBus.Expressions;

/// <summary><c>value ?: fallback</c>.</summary>
internal sealed record ElvisNode(ExpressionNode Value, ExpressionNode Fallback, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = 1 + Math.Max(Value.Depth, Fallback.Depth);
}
