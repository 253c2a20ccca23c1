namespace ProvisioningBus.Expressions;

internal sealed record UnaryNode(UnaryOperator Operator, ExpressionNode Operand, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = 1 + Operand.Depth;
}
