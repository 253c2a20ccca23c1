namespace PingOne.Emulator.Webhooks;

/// <summary>A Subscription as the API stores it (fact sheet §1.2), reduced to what delivery uses.</summary>
public sealed record SubscriptionDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required bool Enabled { get; init; }

    public string Format { get; init; } = "ACTIVITY";

    public required string Url { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public required IReadOnlyList<string> IncludedActionTypes { get; init; }

    public IReadOnlyList<string> IncludedPopulations { get; init; } = [];

    public IReadOnlyList<string> IncludedApplications { get; init; } = [];

    public int MaxEventsPerPayload { get; init; } = 500;

    /// <summary><c>JSON_ARRAY</c> or <c>ND_JSON</c>.</summary>
    public string PayloadFormat { get; init; } = "JSON_ARRAY";

    public bool VerifyTlsCertificates { get; init; } = true;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Action type, population and application filters. A population filter "matches events for users in the
    /// specified populations"; whether it drops group events (which carry no population) is not documented,
    /// so the emulator drops them.
    /// </summary>
    public bool Matches(Activities.RecordedActivity activity) =>
        IncludedActionTypes.Contains(activity.ActionType, StringComparer.Ordinal)
        && (IncludedPopulations.Count == 0 || (activity.ResourcePopulationId is { } population && IncludedPopulations.Contains(population, StringComparer.Ordinal)))
        && (IncludedApplications.Count == 0 || IncludedApplications.Contains(activity.ActorClientId, StringComparer.Ordinal));
}
