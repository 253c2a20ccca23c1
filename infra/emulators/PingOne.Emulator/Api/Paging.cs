using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using PingOne.Emulator.Directory;

namespace PingOne.Emulator.Api;

/// <summary>
/// PingOne's cursor paging (fact sheet §2.3): <c>limit</c> (max 1000) and an opaque <c>cursor</c>, with
/// <c>_links.next.href</c> pointing at the next page. The cursor holds the creation sequence of the last item,
/// so users created or deleted while a client pages do not make it skip or repeat others.
/// </summary>
internal static class Paging
{
    private const int DefaultLimit = 100;
    private const int MaximumLimit = 1000;

    public static JsonObject Page<T>(
        HttpRequest request,
        string key,
        IReadOnlyList<T> matching,
        Func<T, long> sequence,
        Func<T, JsonObject> render,
        int maxPageSize)
    {
        var limit = DefaultLimit;
        if (request.Query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaximumLimit))
        {
            throw EmulatorApiException.Invalid($"limit must be between 1 and {MaximumLimit}", "limit");
        }

        var after = request.Query.TryGetValue("cursor", out var cursorText) ? DecodeCursor(cursorText.ToString()) : 0L;
        var pageSize = Math.Min(limit, maxPageSize);
        var window = matching.Where(item => sequence(item) > after).Take(pageSize + 1).ToList();
        var page = window.Take(pageSize).ToList();
        var next = window.Count > pageSize ? WithCursor(request, EncodeCursor(sequence(page[^1]))) : null;
        return ApiJson.Page(key, [.. page.Select(render)], matching.Count, request.GetEncodedUrl(), next);
    }

    private static string WithCursor(HttpRequest request, string cursor)
    {
        var query = request.Query
            .Where(pair => !string.Equals(pair.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(query));
    }

    private static string EncodeCursor(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + sequence.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static long DecodeCursor(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            if (text.StartsWith("after:", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
        }

        throw EmulatorApiException.Invalid("The cursor is not valid", "cursor");
    }
}
