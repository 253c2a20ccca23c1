namespace ProvisioningBus.Expressions;

/// <summary>An expression over the source user: <c>#root.enabled ? 'Active' : 'Closed'</c>.</summary>
public sealed record SourceExpression(string Text) : MappingSource
{
    public override string ToString() => Text;
}
