namespace ProvisioningBus.Expressions;

/// <summary>One attribute of a system's user schema.</summary>
/// <param name="Name">Dotted name, as mappings write it: <c>name.given</c>, <c>userStatus</c>.</param>
public sealed record AttributeDefinition(string Name, ExpressionType Type)
{
    /// <summary>The only values the attribute takes (compared case-insensitively); empty when free-form.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>For a string attribute that encodes an on/off state, its spelling of true and false.</summary>
    public BooleanEncoding? BooleanEncoding { get; init; }
}
