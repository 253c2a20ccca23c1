namespace PingOne.Emulator;

/// <summary>A webhook subscription configured up front (same fields as the Subscription API body).</summary>
public sealed record EmulatedSubscriptionOptions
{
    public string Name { get; init; } = "emulator-subscription";

    public required string Url { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Empty means the action types the provisioner handles.</summary>
    public IReadOnlyList<string> IncludedActionTypes { get; init; } = [];

    /// <summary><c>EVENTS_PER_PAYLOAD</c> size: 1–500, PingOne's default 500.</summary>
    public int MaxEventsPerPayload { get; init; } = 500;

    /// <summary><c>JSON_ARRAY</c> (PingOne's default) or <c>ND_JSON</c>.</summary>
    public string PayloadFormat { get; init; } = "JSON_ARRAY";

    public bool Enabled { get; init; } = true;
}
