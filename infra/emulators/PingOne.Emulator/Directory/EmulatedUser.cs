namespace PingOne.Emulator.Directory;

/// <summary>A user as the emulator stores it. <see cref="Sequence"/> orders users for cursor paging.</summary>
public sealed record EmulatedUser
{
    public required string Id { get; init; }

    public required long Sequence { get; init; }

    public required string Username { get; init; }

    public string? Email { get; init; }

    public EmulatedUserName? Name { get; init; }

    public string? Title { get; init; }

    public string? ExternalId { get; init; }

    public required string PopulationId { get; init; }

    public bool Enabled { get; init; } = true;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
