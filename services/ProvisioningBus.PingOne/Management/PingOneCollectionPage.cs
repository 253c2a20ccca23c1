using System.Text.Json.Serialization;

namespace ProvisioningBus.PingOne.Management;

/// <summary>
/// The EntityArray envelope: <c>_embedded.{users|groups|groupMemberships|populations}</c>, <c>_links.next</c>,
/// total <c>count</c> and page <c>size</c> (fact sheet §2.3).
/// </summary>
internal sealed record PingOneCollectionPage<T>
{
    [JsonPropertyName("_embedded")]
    public Dictionary<string, List<T>>? Embedded { get; init; }

    [JsonPropertyName("_links")]
    public Dictionary<string, PingOneLink>? Links { get; init; }

    public int? Count { get; init; }

    public int? Size { get; init; }

    public IReadOnlyList<T> Items(string key) => Embedded?.GetValueOrDefault(key) ?? [];

    public string? NextHref => Links?.GetValueOrDefault("next")?.Href;
}
