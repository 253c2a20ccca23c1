using Refit;

namespace ProvisioningBus.Docusign.Api;

/// <summary>
/// The raw eSignature REST API v2.1 subset (paths relative to the account's base_uri; the spec's basePath is
/// <c>/restapi</c>). Failures surface as <see cref="DocusignApiException"/>.
/// </summary>
public interface IDocusignEsignatureApi
{
    [Get("/restapi/v2.1/accounts/{accountId}")]
    Task<AccountInformation> GetAccountAsync(string accountId, CancellationToken cancellationToken);

    [Get("/restapi/v2.1/accounts/{accountId}/permission_profiles")]
    Task<PermissionProfileInformation> ListPermissionProfilesAsync(string accountId, CancellationToken cancellationToken);

    [Get("/restapi/v2.1/accounts/{accountId}/users")]
    Task<UserInformationList> ListUsersAsync(string accountId, [Query] UsersListQuery query, CancellationToken cancellationToken);

    [Post("/restapi/v2.1/accounts/{accountId}/users")]
    Task<NewUsersSummary> CreateUsersAsync(string accountId, [Body] NewUsersDefinition body, CancellationToken cancellationToken);

    [Put("/restapi/v2.1/accounts/{accountId}/users")]
    Task<UserInformationList> UpdateUsersAsync(string accountId, [Body] UserInformationList body, CancellationToken cancellationToken);

    /// <summary>Closes users (a DELETE with a JSON body). <paramref name="delete"/>: e.g. <c>Groups</c>.</summary>
    [Delete("/restapi/v2.1/accounts/{accountId}/users")]
    Task<UsersResponse> CloseUsersAsync(string accountId, [Body] UserInfoList body, [AliasAs("delete")] string? delete, CancellationToken cancellationToken);

    [Get("/restapi/v2.1/accounts/{accountId}/users/{userId}")]
    Task<UserInformation> GetUserAsync(string accountId, string userId, [AliasAs("additional_info")] string? additionalInfo, CancellationToken cancellationToken);

    [Put("/restapi/v2.1/accounts/{accountId}/users/{userId}")]
    Task<UserInformation> UpdateUserAsync(string accountId, string userId, [Body] UserInformation body, CancellationToken cancellationToken);

    [Get("/restapi/v2.1/accounts/{accountId}/groups")]
    Task<GroupInformation> ListGroupsAsync(string accountId, [Query] GroupsListQuery query, CancellationToken cancellationToken);

    [Post("/restapi/v2.1/accounts/{accountId}/groups")]
    Task<GroupInformation> CreateGroupsAsync(string accountId, [Body] GroupInformation body, CancellationToken cancellationToken);

    [Put("/restapi/v2.1/accounts/{accountId}/groups")]
    Task<GroupInformation> UpdateGroupsAsync(string accountId, [Body] GroupInformation body, CancellationToken cancellationToken);

    [Delete("/restapi/v2.1/accounts/{accountId}/groups")]
    Task<GroupInformation> DeleteGroupsAsync(string accountId, [Body] GroupInformation body, CancellationToken cancellationToken);

    [Get("/restapi/v2.1/accounts/{accountId}/groups/{groupId}/users")]
    Task<UsersResponse> ListGroupUsersAsync(string accountId, string groupId, [AliasAs("start_position")] int? startPosition, [AliasAs("count")] int? count, CancellationToken cancellationToken);

    [Put("/restapi/v2.1/accounts/{accountId}/groups/{groupId}/users")]
    Task<UsersResponse> AddGroupUsersAsync(string accountId, string groupId, [Body] UserInfoList body, CancellationToken cancellationToken);

    [Delete("/restapi/v2.1/accounts/{accountId}/groups/{groupId}/users")]
    Task<UsersResponse> RemoveGroupUsersAsync(string accountId, string groupId, [Body] UserInfoList body, CancellationToken cancellationToken);
}
