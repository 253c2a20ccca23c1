namespace ProvisioningBus.PingOne.Webhooks;

/// <summary>An event that could not be read as a change; set aside so the rest of its batch still flows.</summary>
/// <param name="Index">Its zero-based position in the delivery.</param>
/// <param name="EventId">The event's <c>id</c>, when it had one.</param>
/// <param name="ActionType">The event's <c>action.type</c>, when it had one.</param>
/// <param name="RawJson">The event as PingOne sent it (the whole line, for an ND-JSON line that is not JSON).</param>
/// <param name="Reason">What is wrong and where.</param>
public sealed record MalformedActivity(int Index, string? EventId, string? ActionType, string RawJson, string Reason);
