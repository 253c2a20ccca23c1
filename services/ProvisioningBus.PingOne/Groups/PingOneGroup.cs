namespace ProvisioningBus.PingOne.Groups;

/// <summary>A PingOne group (schema <c>Group</c>); no population means an environment group.</summary>
public sealed record PingOneGroup
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public PingOneReference? Population { get; init; }

    public string? ExternalId { get; init; }
}
