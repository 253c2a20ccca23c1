using System.Globalization;
using System.Text.RegularExpressions;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Core.ProvisioningLog;

/// <summary>
/// The log's filters as an operator types them (<c>GET /api/log?…</c> and the CLI's <c>log</c>), read one way for both:
/// <c>since</c> / <c>until</c> are ISO 8601 instants (UTC when no offset is given) or an age such as <c>15m</c>,
/// <c>2h</c>, <c>7d</c>.
/// </summary>
public static partial class LogFilter
{
    /// <returns>The query, or the error that names the bad parameter.</returns>
    public static (ProvisioningLogQuery? Query, string? Error) Parse(
        string? rule, string? entity, string? outcome, string? since, string? until, int? offset, int? limit, DateTimeOffset now)
    {
        if (outcome is { Length: > 0 } && !ProvisioningLogValues.Outcomes.Contains(outcome))
        {
            return (null, $"outcome must be one of {string.Join(", ", ProvisioningLogValues.Outcomes)} (was '{outcome}').");
        }

        if (!TryInstant(since, now, out var from))
        {
            return (null, $"since must be an ISO 8601 instant or an age like 15m, 2h, 7d (was '{since}').");
        }

        if (!TryInstant(until, now, out var to))
        {
            return (null, $"until must be an ISO 8601 instant or an age like 15m, 2h, 7d (was '{until}').");
        }

        if (offset is < 0)
        {
            return (null, $"offset must be 0 or more (was {offset}).");
        }

        if (limit is < 1 or > ProvisioningLogQuery.MaxLimit)
        {
            return (null, $"limit must be between 1 and {ProvisioningLogQuery.MaxLimit} (was {limit}).");
        }

        return (new ProvisioningLogQuery(
            Blank(rule), Blank(entity), Blank(outcome), from, to, offset ?? 0, limit ?? ProvisioningLogQuery.DefaultLimit), null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryInstant(string? text, DateTimeOffset now, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Age().Match(text.Trim()) is { Success: true } age)
        {
            var amount = int.Parse(age.Groups[1].Value, CultureInfo.InvariantCulture);
            instant = now - age.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            instant = parsed;
            return true;
        }

        return false;
    }

    [GeneratedRegex("^([0-9]{1,6})([smhd])$")]
    private static partial Regex Age();
}
