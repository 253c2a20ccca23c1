namespace ProvisioningBus.PingOne.Populations;

/// <summary>A PingOne population.</summary>
public sealed record PingOnePopulation
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public bool? Default { get; init; }
}
