using System.Globalization;
using System.Net.Http.Headers;

namespace ProvisioningBus.Docusign;

/// <summary>What one answer's X-RateLimit-* / X-BurstLimit-* headers said (fact sheet §6); null where a header was absent.</summary>
public sealed record DocusignBudgetReading(int? HourlyLimit, int? HourlyRemaining, DateTimeOffset? HourlyResetsAt, int? BurstLimit, int? BurstRemaining)
{
    public bool IsEmpty => HourlyLimit is null && HourlyRemaining is null && HourlyResetsAt is null && BurstLimit is null && BurstRemaining is null;

    public static DocusignBudgetReading From(HttpResponseHeaders headers) => new(
        (int?)Header(headers, "X-RateLimit-Limit"),
        (int?)Header(headers, "X-RateLimit-Remaining"),
        Header(headers, "X-RateLimit-Reset") is { } epoch ? DateTimeOffset.FromUnixTimeSeconds(epoch) : null,
        (int?)Header(headers, "X-BurstLimit-Limit"),
        (int?)Header(headers, "X-BurstLimit-Remaining"));

    private static long? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
