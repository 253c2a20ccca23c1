namespace ProvisioningBus.Expressions;

/// <summary>Where a mapped value comes from: a source attribute, or an expression over the source user.</summary>
public abstract record MappingSource
{
    private protected MappingSource()
    {
    }
}
