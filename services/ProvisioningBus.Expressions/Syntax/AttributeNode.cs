namespace ProvisioningBus.Expressions;

/// <summary>
/// A reference into the attribute source: <c>#root</c>, <c>#root.name.given</c>, <c>user.name['given']</c>,
/// <c>enabled</c>. Member and constant-key accesses off the root are folded into one path while parsing, so
/// evaluation asks the source once per reference.
/// </summary>
internal sealed record AttributeNode(AttributePath Path, int Position) : ExpressionNode(Position)
{
    public override int Depth => 1;
}
