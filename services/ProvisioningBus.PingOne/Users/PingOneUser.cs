using System.Text.Json.Serialization;

namespace ProvisioningBus.PingOne.Users;

/// <summary>A PingOne user (schema <c>User</c>, the attributes this service uses).</summary>
public sealed record PingOneUser
{
    public required string Id { get; init; }

    public required string Username { get; init; }

    public string? Email { get; init; }

    public PingOneUserName? Name { get; init; }

    public string? Title { get; init; }

    /// <summary>Read-only in PingOne; changed through <c>PUT /users/{id}/enabled</c>.</summary>
    public bool? Enabled { get; init; }

    public PingOneReference? Population { get; init; }

    public PingOneReference? Environment { get; init; }

    public string? ExternalId { get; init; }

    /// <summary>Only present when read with <c>?include=memberOfGroupIDs</c>; "not returned with a list of users".</summary>
    [JsonPropertyName("memberOfGroupIDs")]
    public IReadOnlyList<string>? MemberOfGroupIds { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
