namespace ProvisioningBus.Expressions;

/// <summary>The attribute tree an expression is evaluated against: a PingOne user, a Docusign user.</summary>
public interface IAttributeSource
{
    /// <summary>
    /// The value at <paramref name="path"/>; <see cref="NullValue"/> when any segment is missing or when the path
    /// runs through something that is not an object. The empty path returns the whole tree.
    /// </summary>
    ExpressionValue GetValue(AttributePath path);
}
