namespace ProvisioningBus.Expressions;

/// <summary>
/// A path into an attribute tree, such as <c>name.given</c>. The empty path is the whole tree (<c>#root</c>).
/// Segments are kept apart (not joined by dots) because a key written with map syntax may itself contain a dot
/// or a dash: <c>user.name['full-name']</c>.
/// </summary>
public sealed record AttributePath
{
    public AttributePath(IEnumerable<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Segments = segments.ToArray();
    }

    public static AttributePath Root { get; } = new([]);

    public IReadOnlyList<string> Segments { get; }

    public bool IsRoot => Segments.Count == 0;

    /// <summary>The path in dotted form, as schemas key their attributes: <c>name.given</c>.</summary>
    public string Dotted => string.Join('.', Segments);

    /// <summary>Splits a dotted path; use the expression syntax (<c>user.name['a.b']</c>) for keys holding dots.</summary>
    public static AttributePath FromDotted(string dotted)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dotted);
        return new AttributePath(dotted.Split('.'));
    }

    public AttributePath Append(string segment) => new(Segments.Append(segment));

    public bool Equals(AttributePath? other) => other is not null && Segments.SequenceEqual(other.Segments, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in Segments)
        {
            hash.Add(segment, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => IsRoot ? "#root" : Dotted;
}
