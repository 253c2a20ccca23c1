namespace ProvisioningBus.Testing;

/// <summary>One webhook POST as the receiver saw it.</summary>
public sealed record ReceivedPost(string Body, string? ContentType, IReadOnlyDictionary<string, string> Headers, bool Accepted);
