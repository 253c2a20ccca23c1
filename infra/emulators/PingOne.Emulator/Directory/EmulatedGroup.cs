namespace PingOne.Emulator.Directory;

/// <summary>A group as the emulator stores it; no population means an environment group.</summary>
public sealed record EmulatedGroup
{
    public required string Id { get; init; }

    public required long Sequence { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? PopulationId { get; init; }

    public string? ExternalId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
