using System.Text.Json.Nodes;

namespace PingOne.Emulator.Activities;

/// <summary>One audit event, in the order it was recorded, serialised once so deliveries repeat it byte for byte.</summary>
/// <param name="Sequence">1-based position in the environment's activity log.</param>
/// <param name="Id">The event's <c>id</c>.</param>
/// <param name="ActionType">The event's <c>action.type</c>.</param>
/// <param name="ResourcePopulationId">The population of the event's resource, for <c>includedPopulations</c>.</param>
/// <param name="ActorClientId">The acting client (<c>actors.client.id</c>), for <c>includedApplications</c>.</param>
/// <param name="Json">The ACTIVITY-format JSON of the event.</param>
public sealed record RecordedActivity(long Sequence, string Id, string ActionType, string? ResourcePopulationId, string ActorClientId, string Json)
{
    public JsonObject ToJsonObject() => JsonNode.Parse(Json)!.AsObject();
}
