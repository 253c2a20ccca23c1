namespace ProvisioningBus.Docusign;

/// <summary>
/// One Docusign account through one connection: users, groups and group members (eSignature REST v2.1).
/// Bulk calls return one result per requested item; whole-call failures throw <see cref="DocusignApiException"/>.
/// </summary>
public interface IDocusignAccountClient
{
    string ConnectionName { get; }

    string AccountId { get; }

    /// <summary>The account's remaining API budget (last X-RateLimit-* / X-BurstLimit-* headers).</summary>
    IDocusignRateBudget RateBudget { get; }

    // Users

    /// <summary>POST /users in chunks of at most 500; results in request order.</summary>
    Task<IReadOnlyList<DocusignUserCreateResult>> CreateUsersAsync(IReadOnlyList<NewDocusignUser> users, CancellationToken cancellationToken = default);

    /// <summary>GET /permission_profiles: the account's profiles (ids and names).</summary>
    Task<IReadOnlyList<DocusignPermissionProfile>> ListPermissionProfilesAsync(CancellationToken cancellationToken = default);

    /// <summary>The id of the profile with this id or name (case-insensitive); null when the account has none.</summary>
    Task<string?> FindPermissionProfileIdAsync(string nameOrId, CancellationToken cancellationToken = default);

    /// <summary>GET /users?email=…; older accounts may return several users for one email.</summary>
    Task<IReadOnlyList<DocusignUser>> FindUsersByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>The user with this email, preferring a non-closed one; null when none.</summary>
    Task<DocusignUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>GET /users/{userId} (includes groupList); null when Docusign says the user does not exist.</summary>
    Task<DocusignUser?> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>How many users the account has, every status (one call: GET /users?count=1, its totalSetSize).</summary>
    Task<int> CountUsersAsync(CancellationToken cancellationToken = default);

    /// <summary>Every user over all pages (count=100), each once.</summary>
    IAsyncEnumerable<DocusignUser> ListUsersAsync(DocusignUserQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>PUT /users/{userId} with only the changed fields.</summary>
    Task<DocusignUser> UpdateUserAsync(DocusignUserUpdate update, CancellationToken cancellationToken = default);

    /// <summary>PUT /users (bulk), per-user results.</summary>
    Task<IReadOnlyList<DocusignUserChangeResult>> UpdateUsersAsync(IReadOnlyList<DocusignUserUpdate> updates, CancellationToken cancellationToken = default);

    /// <summary>DELETE /users: closes (never deletes) users; re-POST the same userName+email to reactivate.</summary>
    Task<IReadOnlyList<DocusignUserChangeResult>> CloseUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default);

    // Groups

    /// <param name="groupType">Docusign's <c>group_type</c> filter (<c>AdminGroup</c>, <c>CustomGroup</c>, <c>EveryoneGroup</c>); null for all.</param>
    IAsyncEnumerable<DocusignGroup> ListGroupsAsync(string? searchText = null, string? groupType = null, CancellationToken cancellationToken = default);

    /// <summary>POST /groups (201); per-group results.</summary>
    Task<IReadOnlyList<DocusignGroupResult>> CreateGroupsAsync(IReadOnlyList<string> groupNames, CancellationToken cancellationToken = default);

    /// <summary>POST /groups with one group and its permission profile (null: Docusign's default).</summary>
    Task<DocusignGroupResult> CreateGroupAsync(string groupName, string? permissionProfileId, CancellationToken cancellationToken = default);

    /// <summary>PUT /groups: rename and/or change the permission profile.</summary>
    Task<IReadOnlyList<DocusignGroupResult>> UpdateGroupsAsync(IReadOnlyList<DocusignGroupRename> renames, CancellationToken cancellationToken = default);

    Task<DocusignGroupResult> RenameGroupAsync(string groupId, string newName, CancellationToken cancellationToken = default);

    /// <summary>DELETE /groups (JSON body with groupIds).</summary>
    Task<IReadOnlyList<DocusignGroupResult>> DeleteGroupsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken = default);

    // Group members

    IAsyncEnumerable<DocusignGroupMember> ListGroupMembersAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>PUT /groups/{groupId}/users.</summary>
    Task<IReadOnlyList<DocusignUserChangeResult>> AddGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>DELETE /groups/{groupId}/users.</summary>
    Task<IReadOnlyList<DocusignUserChangeResult>> RemoveGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default);

    // Connection

    /// <summary>Refreshes a token and makes cheap reads; names precisely what failed. Never throws for remote failures.</summary>
    Task<DocusignConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>GET /oauth/userinfo for this connection's token.</summary>
    Task<DocusignUserInfo> GetUserInfoAsync(CancellationToken cancellationToken = default);
}
