using System.Globalization;

namespace ProvisioningBus.Docusign;

/// <summary>Lenient parsing of Docusign's string-typed scalars ("100", "True", "false", "2019-04-01T22:11:56.4570000Z").</summary>
public static class DocusignValues
{
    /// <summary>Docusign's placeholder for an unset date (fact sheet §0).</summary>
    public static readonly DateTimeOffset UnsetDate = new(1, 1, 1, 8, 0, 0, TimeSpan.Zero);

    public static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) ? result : null;

    public static bool? ParseBool(string? value) =>
        bool.TryParse(value?.Trim(), out var result) ? result : null;

    public static DateTimeOffset? ParseDate(string? value)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var result))
        {
            return null;
        }

        return result.Year <= 1 ? null : result;
    }

    public static string FormatBool(bool value) => value ? "true" : "false";
}
