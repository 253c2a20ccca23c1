namespace ProvisioningBus.Expressions;

/// <summary>A call of a whitelisted library function, resolved while parsing: <c>#core.switchExpr(…)</c>.</summary>
internal sealed record CallNode(LibraryFunction Function, IReadOnlyList<ExpressionNode> Arguments, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = 1 + Arguments.Select(argument => argument.Depth).DefaultIfEmpty(0).Max();
}
