namespace ProvisioningBus.Contracts;

/// <summary>
/// A PingOne user was created, updated (attributes or enabled flag) or deleted.
/// PingOne events carry ids only, so consumers read the user's current state before acting.
/// </summary>
public sealed record PingOneUserChanged
{
    /// <summary>PingOne's audit event id; redeliveries and duplicates share it.</summary>
    public required string EventId { get; init; }

    /// <summary>The PingOne environment the user lives in.</summary>
    public required string EnvironmentId { get; init; }

    /// <summary>The PingOne user id.</summary>
    public required string UserId { get; init; }

    /// <summary>The username PingOne put in the event (<c>resources[0].name</c>), for logs and status only.</summary>
    public string? UserName { get; init; }

    /// <summary>The user's population at the time of the event, when PingOne sent it.</summary>
    public string? PopulationId { get; init; }

    /// <summary>What happened.</summary>
    public required DirectoryChangeAction Action { get; init; }

    /// <summary>When PingOne recorded the change (<c>recordedAt</c>); orders changes to one user.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The client application that made the change (<c>actors.client.id</c>), when known.</summary>
    public string? ActorClientId { get; init; }
}
