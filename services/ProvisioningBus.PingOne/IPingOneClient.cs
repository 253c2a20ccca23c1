using ProvisioningBus.PingOne.Groups;
using ProvisioningBus.PingOne.Populations;
using ProvisioningBus.PingOne.Users;

namespace ProvisioningBus.PingOne;

/// <summary>The PingOne management API operations the provisioner needs, for the configured environment.</summary>
/// <exception cref="PingOneApiException">Thrown by every member when PingOne refuses a request (after transient retries).</exception>
public interface IPingOneClient
{
    /// <summary>The user with its <c>enabled</c> flag and direct group ids, or null when PingOne answers 404.</summary>
    Task<PingOneUser?> GetUserAsync(string userId, CancellationToken ct = default);

    /// <summary>Every user matching a SCIM filter (e.g. <c>externalId eq "…"</c>), following <c>_links.next</c> page by page.</summary>
    IAsyncEnumerable<PingOneUser> ListUsersAsync(string? filter = null, CancellationToken ct = default);

    Task<PingOneUser> CreateUserAsync(PingOneNewUser user, CancellationToken ct = default);

    /// <summary>Changes only the non-null attributes of <paramref name="patch"/>.</summary>
    Task<PingOneUser> PatchUserAsync(string userId, PingOneUserPatch patch, CancellationToken ct = default);

    /// <summary>Deletes a user; false when it was already gone (404).</summary>
    Task<bool> DeleteUserAsync(string userId, CancellationToken ct = default);

    Task SetUserEnabledAsync(string userId, bool enabled, CancellationToken ct = default);

    Task<PingOneGroup?> GetGroupAsync(string groupId, CancellationToken ct = default);

    IAsyncEnumerable<PingOneGroup> ListGroupsAsync(string? filter = null, CancellationToken ct = default);

    Task<PingOneGroup> CreateGroupAsync(PingOneNewGroup group, CancellationToken ct = default);

    IAsyncEnumerable<PingOneGroupMembership> ListGroupMembershipsForUserAsync(string userId, CancellationToken ct = default);

    Task AddUserToGroupAsync(string userId, string groupId, CancellationToken ct = default);

    /// <summary>Removes a direct membership; false when there was none (404).</summary>
    Task<bool> RemoveUserFromGroupAsync(string userId, string groupId, CancellationToken ct = default);

    IAsyncEnumerable<PingOnePopulation> ListPopulationsAsync(CancellationToken ct = default);
}
