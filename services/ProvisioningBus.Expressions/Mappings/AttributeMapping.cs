namespace ProvisioningBus.Expressions;

/// <summary>One mapping of a rule: a source attribute or expression → a target attribute.</summary>
public sealed record AttributeMapping(MappingSource Source, string TargetAttribute)
{
    public static AttributeMapping FromAttribute(string sourceAttribute, string targetAttribute) =>
        new(new SourceAttribute(sourceAttribute), targetAttribute);

    public static AttributeMapping FromExpression(string expression, string targetAttribute) =>
        new(new SourceExpression(expression), targetAttribute);
}
