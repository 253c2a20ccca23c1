namespace ProvisioningBus.PingOne.Webhooks;

/// <summary>The fields every handled event carries, whatever its resource type.</summary>
internal sealed record ActivityHeader(string EventId, DateTimeOffset RecordedAt, string? ActorClientId);
