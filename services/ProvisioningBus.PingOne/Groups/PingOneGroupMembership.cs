namespace ProvisioningBus.PingOne.Groups;

/// <summary>One entry of <c>GET /users/{id}/memberOfGroups</c>: <c>id</c> is the group's id.</summary>
/// <param name="Type"><c>DIRECT</c> or <c>INDIRECT</c>; only direct memberships can be removed.</param>
public sealed record PingOneGroupMembership(string Id, string? Name, string? Type);
