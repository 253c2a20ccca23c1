namespace PingOne.Emulator.Directory;

/// <summary>A population as the emulator stores it.</summary>
public sealed record EmulatedPopulation
{
    public required string Id { get; init; }

    public required long Sequence { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public bool Default { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
