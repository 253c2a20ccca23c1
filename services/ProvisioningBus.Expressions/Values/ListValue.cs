namespace ProvisioningBus.Expressions;

/// <summary>A list: an array of an attribute tree (<c>memberOfGroupIDs</c>), or a list literal such as <c>{'USER'}</c>.</summary>
public sealed record ListValue : ExpressionValue
{
    public ListValue(IEnumerable<ExpressionValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items.ToArray();
    }

    public IReadOnlyList<ExpressionValue> Items { get; }

    public override ExpressionType Type => ExpressionType.Unknown;

    public override string? ToText() => throw new InvalidOperationException("A list has no attribute text.");

    public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;

    public override string ToString() => "{" + string.Join(",", Items) + "}";
}
