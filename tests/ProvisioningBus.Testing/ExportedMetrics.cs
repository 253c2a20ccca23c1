using OpenTelemetry.Metrics;

namespace ProvisioningBus.Testing;

/// <summary>
/// What an in-memory metric exporter received. Its temporality is cumulative, so a metric's last export holds the
/// totals since its provider started: earlier exports are older totals, read past rather than added up.
/// </summary>
public sealed class ExportedMetrics
{
    /// <summary>Hand this to <c>AddInMemoryExporter</c>.</summary>
    public LockedCollection<MetricSnapshot> Snapshots { get; } = new();

    /// <summary>The points of the last export of <paramref name="name"/> that carry every one of <paramref name="tags"/>.</summary>
    public IReadOnlyList<MetricPoint> Points(string name, params (string Key, string Value)[] tags) =>
        Snapshots.Snapshot().LastOrDefault(metric => metric.Name == name) is { } last
            ? [.. last.MetricPoints.Where(point => HasTags(point, tags))]
            : [];

    /// <summary>A counter's total over the points that carry every one of <paramref name="tags"/>.</summary>
    public long Sum(string name, params (string Key, string Value)[] tags) => Points(name, tags).Sum(point => point.GetSumLong());

    public static bool HasTags(MetricPoint point, params (string Key, string Value)[] wanted)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return wanted.All(pair => tags.TryGetValue(pair.Key, out var value) && Equals(value, pair.Value));
    }
}
