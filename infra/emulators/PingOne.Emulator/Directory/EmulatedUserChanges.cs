namespace PingOne.Emulator.Directory;

/// <summary>
/// Attributes to change on a user; null leaves an attribute as it is (PATCH semantics: "attributes omitted
/// from the request body are not updated or removed", fact sheet §2.3).
/// </summary>
public sealed record EmulatedUserChanges
{
    public string? Username { get; init; }

    public string? Email { get; init; }

    public EmulatedUserName? Name { get; init; }

    public string? Title { get; init; }

    public string? ExternalId { get; init; }
}
