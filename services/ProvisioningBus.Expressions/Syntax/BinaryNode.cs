namespace ProvisioningBus.Expressions;

/// <param name="Position">Offset of the operator, which is what evaluation errors point at.</param>
internal sealed record BinaryNode(BinaryOperator Operator, ExpressionNode Left, ExpressionNode Right, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = 1 + Math.Max(Left.Depth, Right.Depth);
}
