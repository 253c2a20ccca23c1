namespace ProvisioningBus.Expressions;

/// <summary><c>target[key]</c>: a map lookup by key text, a list or string element by number.</summary>
internal sealed record IndexNode(ExpressionNode Target, ExpressionNode Key, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = 1 + Math.Max(Target.Depth, Key.Depth);
}
