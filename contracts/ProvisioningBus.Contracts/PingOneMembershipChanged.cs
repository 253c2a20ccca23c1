namespace ProvisioningBus.Contracts;

/// <summary>
/// A PingOne user was added to or removed from a group (<c>MEMBER_OF_GROUP.CREATED / .DELETED</c>).
/// The ids come from the event's resource href: <c>…/users/{userId}/memberOfGroups/{groupId}</c>.
/// </summary>
public sealed record PingOneMembershipChanged
{
    /// <summary>PingOne's audit event id; redeliveries and duplicates share it.</summary>
    public required string EventId { get; init; }

    /// <summary>The PingOne environment of the user and group.</summary>
    public required string EnvironmentId { get; init; }

    /// <summary>The PingOne user id.</summary>
    public required string UserId { get; init; }

    /// <summary>The PingOne group id.</summary>
    public required string GroupId { get; init; }

    /// <summary>The group name PingOne put in the event, when present.</summary>
    public string? GroupName { get; init; }

    /// <summary>Whether the membership was added or removed.</summary>
    public required MembershipChangeAction Action { get; init; }

    /// <summary>When PingOne recorded the change (<c>recordedAt</c>).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The client application that made the change (<c>actors.client.id</c>), when known.</summary>
    public string? ActorClientId { get; init; }
}
