using ProvisioningBus.PingOne.Groups;
using ProvisioningBus.PingOne.Populations;
using ProvisioningBus.PingOne.Users;
using Refit;

namespace ProvisioningBus.PingOne.Management;

/// <summary>The management API paths used here, relative to <c>https://api.pingone.{tld}/v1</c>.</summary>
internal interface IPingOneManagementApi
{
    [Get("/environments/{environmentId}/users/{userId}")]
    Task<IApiResponse<PingOneUser>> GetUser(string environmentId, string userId, [AliasAs("include")] string? include, CancellationToken ct);

    [Get("/environments/{environmentId}/users/{userId}/enabled")]
    Task<IApiResponse<PingOneUserEnabled>> GetUserEnabled(string environmentId, string userId, CancellationToken ct);

    [Get("/environments/{environmentId}/users")]
    Task<IApiResponse<PingOneCollectionPage<PingOneUser>>> ListUsers(
        string environmentId, [AliasAs("filter")] string? filter, [AliasAs("limit")] int? limit, CancellationToken ct);

    [Post("/environments/{environmentId}/users")]
    Task<IApiResponse<PingOneUser>> CreateUser(string environmentId, [Body] PingOneNewUser user, CancellationToken ct);

    [Patch("/environments/{environmentId}/users/{userId}")]
    Task<IApiResponse<PingOneUser>> PatchUser(string environmentId, string userId, [Body] PingOneUserPatch patch, CancellationToken ct);

    [Delete("/environments/{environmentId}/users/{userId}")]
    Task<IApiResponse> DeleteUser(string environmentId, string userId, CancellationToken ct);

    [Put("/environments/{environmentId}/users/{userId}/enabled")]
    Task<IApiResponse<PingOneUserEnabled>> SetUserEnabled(string environmentId, string userId, [Body] PingOneUserEnabled enabled, CancellationToken ct);

    [Get("/environments/{environmentId}/users/{userId}/memberOfGroups")]
    Task<IApiResponse<PingOneCollectionPage<PingOneGroupMembership>>> ListGroupMemberships(
        string environmentId, string userId, [AliasAs("limit")] int? limit, CancellationToken ct);

    [Post("/environments/{environmentId}/users/{userId}/memberOfGroups")]
    Task<IApiResponse> AddUserToGroup(string environmentId, string userId, [Body] PingOneReference group, CancellationToken ct);

    [Delete("/environments/{environmentId}/users/{userId}/memberOfGroups/{groupId}")]
    Task<IApiResponse> RemoveUserFromGroup(string environmentId, string userId, string groupId, CancellationToken ct);

    [Get("/environments/{environmentId}/groups/{groupId}")]
    Task<IApiResponse<PingOneGroup>> GetGroup(string environmentId, string groupId, CancellationToken ct);

    [Get("/environments/{environmentId}/groups")]
    Task<IApiResponse<PingOneCollectionPage<PingOneGroup>>> ListGroups(
        string environmentId, [AliasAs("filter")] string? filter, [AliasAs("limit")] int? limit, CancellationToken ct);

    [Post("/environments/{environmentId}/groups")]
    Task<IApiResponse<PingOneGroup>> CreateGroup(string environmentId, [Body] PingOneNewGroup group, CancellationToken ct);

    [Get("/environments/{environmentId}/populations")]
    Task<IApiResponse<PingOneCollectionPage<PingOnePopulation>>> ListPopulations(string environmentId, [AliasAs("limit")] int? limit, CancellationToken ct);
}
