using Docusign.Emulator;

namespace ProvisioningBus.Benchmarks.Measurement;

/// <summary>Docusign REST calls (not <c>/oauth</c>) from the emulator's request log, since a mark.</summary>
public sealed class DocusignCallLog(DocusignEmulatorState state)
{
    private long mark = LastSequence(state);

    public void Reset() => mark = LastSequence(state);

    public IReadOnlyList<EmulatorRequestRecord> Since() =>
        [.. state.Requests.Where(record => record.Sequence > mark && record.Path.StartsWith("/restapi", StringComparison.OrdinalIgnoreCase))];

    /// <summary>"POST /users: 20, GET /users: 1" — which calls a figure is made of.</summary>
    public static string Describe(IReadOnlyList<EmulatorRequestRecord> calls) =>
        string.Join(", ", calls
            .GroupBy(call => $"{call.Method} {Shorten(call.Path)}{Parameters(call.Query)}{(call.StatusCode is >= 400 or 0 ? $" →{call.StatusCode}" : "")}")
            .OrderByDescending(group => group.Count())
            .Select(group => $"{group.Key}: {group.Count():N0}"));

    private static long LastSequence(DocusignEmulatorState state) => state.Requests is { Count: > 0 } requests ? requests[^1].Sequence : 0;

    /// <summary>"?count&amp;start_position": which query parameters a call had (a lookup by email and a listing differ only there).</summary>
    private static string Parameters(string? query) =>
        string.IsNullOrEmpty(query) ? "" : "?" + string.Join('&', query.TrimStart('?').Split('&').Select(pair => pair.Split('=')[0]).Order(StringComparer.Ordinal));

    /// <summary>Path without the account prefix and with ids replaced, so calls group by endpoint.</summary>
    private static string Shorten(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var accountIndex = Array.IndexOf(segments, "accounts");
        var rest = accountIndex >= 0 && accountIndex + 2 <= segments.Length ? segments[(accountIndex + 2)..] : segments;
        return "/" + string.Join('/', rest.Select(segment => segment.Length > 12 || segment.All(char.IsDigit) ? "{id}" : segment));
    }
}
