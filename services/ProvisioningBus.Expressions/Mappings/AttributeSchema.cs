using System.Collections.Frozen;

namespace ProvisioningBus.Expressions;

/// <summary>The user attributes of one system (Docusign, PingOne), the source or the target of a rule's mappings.</summary>
public sealed class AttributeSchema
{
    private readonly FrozenDictionary<string, AttributeDefinition> _attributes;

    /// <param name="systemName">The system's name as error messages show it: "Docusign".</param>
    /// <param name="attributes">The declared attributes.</param>
    /// <param name="acceptsUndeclaredAttributes">Whether names outside the list are valid too (PingOne custom attributes).</param>
    public AttributeSchema(string systemName, IEnumerable<AttributeDefinition> attributes, bool acceptsUndeclaredAttributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentNullException.ThrowIfNull(attributes);
        SystemName = systemName;
        AcceptsUndeclaredAttributes = acceptsUndeclaredAttributes;
        _attributes = attributes.ToFrozenDictionary(attribute => attribute.Name, StringComparer.Ordinal);
    }

    public string SystemName { get; }

    public bool AcceptsUndeclaredAttributes { get; }

    public IReadOnlyCollection<AttributeDefinition> Attributes => _attributes.Values;

    /// <summary>The declared attribute, or null. Names are case sensitive, like the JSON both APIs use.</summary>
    public AttributeDefinition? Find(string name) => _attributes.GetValueOrDefault(name);
}
