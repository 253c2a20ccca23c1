namespace ProvisioningBus.PingOne.Users;

/// <summary>A user to create. PingOne requires <see cref="Username"/> and <see cref="Email"/> (schema User).</summary>
public sealed record PingOneNewUser
{
    public required string Username { get; init; }

    public required string Email { get; init; }

    public PingOneUserName? Name { get; init; }

    public string? Title { get; init; }

    /// <summary>Null puts the user in the environment's default population.</summary>
    public PingOneReference? Population { get; init; }

    /// <summary>A good place for the Docusign userId: it "simplifies the correlation of the user" (fact sheet §2.2).</summary>
    public string? ExternalId { get; init; }
}
