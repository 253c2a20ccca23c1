namespace ProvisioningBus.Expressions;

/// <summary><c>{'USER','ADMIN'}</c>; <c>{}</c> is the empty list, as in SpEL.</summary>
internal sealed record ListLiteralNode(IReadOnlyList<ExpressionNode> Items, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = 1 + Items.Select(item => item.Depth).DefaultIfEmpty(0).Max();
}
