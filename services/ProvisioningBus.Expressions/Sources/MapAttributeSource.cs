namespace ProvisioningBus.Expressions;

/// <summary>An attribute source over an in-memory tree of values, e.g. a Docusign user built from its typed model.</summary>
public sealed class MapAttributeSource : IAttributeSource
{
    private readonly MapValue _root;

    public MapAttributeSource(MapValue root)
    {
        _root = root ?? throw new ArgumentNullException(nameof(root));
    }

    /// <summary>A source built from dotted attribute names (<c>name.given</c>), nested into maps.</summary>
    public static MapAttributeSource FromDotted(IEnumerable<KeyValuePair<string, ExpressionValue>> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return new MapAttributeSource(Nest(attributes.Select(a => (a.Key.Split('.'), a.Value)).ToList(), 0));
    }

    public ExpressionValue GetValue(AttributePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ExpressionValue current = _root;
        foreach (var segment in path.Segments)
        {
            if (current is not MapValue map)
            {
                return NullValue.Instance;
            }

            current = map.Get(segment);
        }

        return current;
    }

    private static MapValue Nest(List<(string[] Segments, ExpressionValue Value)> attributes, int depth) =>
        new(attributes
            .GroupBy(attribute => attribute.Segments[depth], StringComparer.Ordinal)
            .Select(group =>
            {
                var leaf = group.FirstOrDefault(attribute => attribute.Segments.Length == depth + 1);
                var children = group.Where(attribute => attribute.Segments.Length > depth + 1).ToList();
                ExpressionValue value = children.Count > 0 ? Nest(children, depth + 1) : leaf.Value;
                return KeyValuePair.Create(group.Key, value);
            }));
}
