using System.Globalization;
using System.Text.Json.Nodes;

namespace Docusign.Emulator.Infrastructure;

/// <summary>
/// start_position/count parsing and the paging properties of list responses (resultSetSize, totalSetSize,
/// startPosition, endPosition, nextUri, previousUri — all strings, endPosition inclusive; fact sheet §1.1).
/// </summary>
internal static class Paging
{
    public const int MaxCount = 100;

    public static bool TryRead(HttpRequest request, out int start, out int count, out EmulatorError? error)
    {
        start = 0;
        count = MaxCount;
        error = null;
        var startText = request.Query["start_position"].ToString();
        var countText = request.Query["count"].ToString();
        if (startText.Length > 0 && (!int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 0))
        {
            error = new EmulatorError("INVALID_REQUEST_PARAMETER", "The request contained at least one invalid parameter. start_position must be a zero-based index.");
            return false;
        }

        if (countText.Length > 0 && (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxCount))
        {
            // Spec: "Valid values: 1 to 100" (§1.1).
            error = new EmulatorError("INVALID_REQUEST_PARAMETER", "The request contained at least one invalid parameter. count must be between 1 and 100.");
            return false;
        }

        return true;
    }

    public static void Write(JsonObject body, string relativePath, string? extraQuery, int start, int count, int resultCount, int total)
    {
        body["resultSetSize"] = EmulatorJson.Number(resultCount);
        body["totalSetSize"] = EmulatorJson.Number(total);
        body["startPosition"] = EmulatorJson.Number(start);
        body["endPosition"] = EmulatorJson.Number(start + resultCount - 1);
        var suffix = string.IsNullOrEmpty(extraQuery) ? "" : "&" + extraQuery;
        if (start + resultCount < total)
        {
            body["nextUri"] = $"{relativePath}?start_position={start + resultCount}&count={count}{suffix}";
        }

        if (start > 0)
        {
            body["previousUri"] = $"{relativePath}?start_position={Math.Max(0, start - count)}&count={count}{suffix}";
        }
    }
}
