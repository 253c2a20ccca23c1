namespace ProvisioningBus.PingOne.Tests.Support;

/// <summary>One webhook POST as the receiver saw it.</summary>
internal sealed record ReceivedPost(string Body, string? ContentType, IReadOnlyDictionary<string, string> Headers, bool Accepted);
