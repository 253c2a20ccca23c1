namespace ProvisioningBus.PingOne.Groups;

/// <summary>A group to create.</summary>
public sealed record PingOneNewGroup
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public PingOneReference? Population { get; init; }

    public string? ExternalId { get; init; }
}
