using System.Collections.Frozen;

namespace ProvisioningBus.Expressions;

/// <summary>A map with string keys: an object of an attribute tree, or a map literal such as <c>{'a':'b'}</c>.</summary>
public sealed record MapValue : ExpressionValue
{
    public MapValue(IEnumerable<KeyValuePair<string, ExpressionValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Keys compare ordinally: PingOne and Docusign attribute names are case sensitive JSON names.</summary>
    public IReadOnlyDictionary<string, ExpressionValue> Entries { get; }

    public override ExpressionType Type => ExpressionType.Unknown;

    /// <summary>The value under <paramref name="key"/>, or null when there is none (SpEL's map indexer returns null too).</summary>
    public ExpressionValue Get(string key) => Entries.TryGetValue(key, out var value) ? value : NullValue.Instance;

    public override string? ToText() => throw new InvalidOperationException("A map has no attribute text.");

    public bool Equals(MapValue? other) =>
        other is not null
        && Entries.Count == other.Entries.Count
        && Entries.All(entry => other.Entries.TryGetValue(entry.Key, out var value) && entry.Value.Equals(value));

    public override int GetHashCode() => Entries.Count;

    public override string ToString() =>
        "{" + string.Join(",", Entries.Select(entry => $"'{entry.Key}':{entry.Value}")) + "}";
}
