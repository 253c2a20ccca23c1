namespace ProvisioningBus.PingOne.Webhooks;

/// <summary>
/// A webhook body that cannot be read as PingOne ACTIVITY events. The message says what is wrong and where;
/// it never contains request headers (where the webhook secret travels).
/// </summary>
public sealed class PingOneWebhookFormatException : FormatException
{
    public PingOneWebhookFormatException()
    {
    }

    public PingOneWebhookFormatException(string message)
        : base(message)
    {
    }

    public PingOneWebhookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal PingOneWebhookFormatException(string problem, int? eventIndex, string? jsonPath, long? bytePosition, Exception? innerException = null)
        : base(Describe(problem, eventIndex, jsonPath, bytePosition), innerException)
    {
        EventIndex = eventIndex;
        JsonPath = jsonPath;
        BytePosition = bytePosition;
    }

    /// <summary>Zero-based index of the offending event in the batch, when the problem is inside one event.</summary>
    public int? EventIndex { get; }

    /// <summary>JSON path of the offending value, e.g. <c>$[2].resources[0].href</c>.</summary>
    public string? JsonPath { get; }

    /// <summary>Byte offset in the body where the offending event (or token) starts.</summary>
    public long? BytePosition { get; }

    private static string Describe(string problem, int? eventIndex, string? jsonPath, long? bytePosition)
    {
        var where = new List<string>(3);
        if (eventIndex is { } index)
        {
            where.Add($"event {index}");
        }

        if (jsonPath is not null)
        {
            where.Add($"path {jsonPath}");
        }

        if (bytePosition is { } position)
        {
            where.Add($"byte {position}");
        }

        return where.Count == 0 ? problem : $"{problem} ({string.Join(", ", where)})";
    }
}
