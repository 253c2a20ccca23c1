namespace ProvisioningBus.Contracts;

/// <summary>A PingOne group was created, renamed or otherwise updated, or deleted.</summary>
public sealed record PingOneGroupChanged
{
    /// <summary>PingOne's audit event id; redeliveries and duplicates share it.</summary>
    public required string EventId { get; init; }

    /// <summary>The PingOne environment the group lives in.</summary>
    public required string EnvironmentId { get; init; }

    /// <summary>The PingOne group id.</summary>
    public required string GroupId { get; init; }

    /// <summary>The group name PingOne put in the event (<c>resources[0].name</c>); for a deleted group the last known name.</summary>
    public string? GroupName { get; init; }

    /// <summary>What happened.</summary>
    public required DirectoryChangeAction Action { get; init; }

    /// <summary>When PingOne recorded the change (<c>recordedAt</c>).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The client application that made the change (<c>actors.client.id</c>), when known.</summary>
    public string? ActorClientId { get; init; }
}
