namespace ProvisioningBus.Expressions;

/// <summary>A plain source attribute: <c>email</c>, <c>name.given</c>.</summary>
public sealed record SourceAttribute(string Path) : MappingSource
{
    public override string ToString() => Path;
}
