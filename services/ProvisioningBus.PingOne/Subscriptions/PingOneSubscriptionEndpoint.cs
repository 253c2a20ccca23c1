namespace ProvisioningBus.PingOne.Subscriptions;

/// <summary><c>httpEndpoint</c>: where PingOne posts, and the static headers it sends (our shared secret).</summary>
public sealed record PingOneSubscriptionEndpoint(string Url, IReadOnlyDictionary<string, string>? Headers)
{
    public override string ToString() => $"PingOneSubscriptionEndpoint {{ Url = {Url}, Headers = {(Headers is null ? "none" : string.Join(", ", Headers.Keys))} }}";
}
