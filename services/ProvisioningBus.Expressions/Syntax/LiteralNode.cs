namespace ProvisioningBus.Expressions;

internal sealed record LiteralNode(ExpressionValue Value, int Position) : ExpressionNode(Position)
{
    public override int Depth => 1;
}
