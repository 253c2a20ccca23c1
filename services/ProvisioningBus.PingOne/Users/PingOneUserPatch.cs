namespace ProvisioningBus.PingOne.Users;

/// <summary>
/// Attributes to change with PATCH. Null members are not sent, and PingOne leaves attributes "omitted from the
/// request body" as they are (fact sheet §2.3), so this cannot clear an attribute.
/// </summary>
public sealed record PingOneUserPatch
{
    public string? Username { get; init; }

    public string? Email { get; init; }

    public PingOneUserName? Name { get; init; }

    public string? Title { get; init; }

    public string? ExternalId { get; init; }
}
