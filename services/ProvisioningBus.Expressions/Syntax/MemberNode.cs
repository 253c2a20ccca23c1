namespace ProvisioningBus.Expressions;

/// <summary><c>target.name</c> where the target is not the attribute source (e.g. a map literal).</summary>
internal sealed record MemberNode(ExpressionNode Target, string Name, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = 1 + Target.Depth;
}
