using System.Collections.Concurrent;

namespace Docusign.Emulator.Infrastructure;

/// <summary>
/// Every request the emulator answered, counted by method and path. The request log keeps only the last
/// <see cref="DocusignEmulatorOptions.RequestLogCapacity"/> entries, so counting calls there stops at that capacity
/// (a 1M-user listing read as 2,000 calls); these counts only grow.
/// </summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<(string Method, string Path), long> counts = new();

    public void Add(string method, string path) => counts.AddOrUpdate((method, path), 1, static (_, count) => count + 1);

    public long Count(string method, string pathSuffix) =>
        counts.Where(entry => string.Equals(entry.Key.Method, method, StringComparison.OrdinalIgnoreCase)
                && entry.Key.Path.EndsWith(pathSuffix, StringComparison.OrdinalIgnoreCase))
            .Sum(entry => entry.Value);

    public long CountUnder(string method, string pathPrefix) =>
        counts.Where(entry => string.Equals(entry.Key.Method, method, StringComparison.OrdinalIgnoreCase)
                && entry.Key.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
            .Sum(entry => entry.Value);

    public void Clear() => counts.Clear();
}
