namespace ProvisioningBus.Expressions;

/// <summary><c>{'PM':'Product Manager','SA':'Software Architect'}</c>; keys are fixed text, values expressions.</summary>
internal sealed record MapLiteralNode(IReadOnlyList<KeyValuePair<string, ExpressionNode>> Entries, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = 1 + Entries.Select(entry => entry.Value.Depth).DefaultIfEmpty(0).Max();
}
