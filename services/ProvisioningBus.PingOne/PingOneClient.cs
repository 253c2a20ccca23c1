using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ProvisioningBus.PingOne.Connection;
using ProvisioningBus.PingOne.Groups;
using ProvisioningBus.PingOne.Management;
using ProvisioningBus.PingOne.Populations;
using ProvisioningBus.PingOne.Users;
using Refit;

namespace ProvisioningBus.PingOne;

/// <summary>
/// <see cref="IPingOneClient"/> over Refit. The HttpClient it gets already carries the bearer token and the
/// retry policy (see <see cref="PingOneServiceCollectionExtensions"/>).
/// </summary>
internal sealed class PingOneClient : IPingOneClient
{
    /// <summary>PingOne's spec allows up to 1000; /users pages may come back smaller, so the size in the response is what counts.</summary>
    private const int PageLimit = 1000;

    private readonly HttpClient _http;
    private readonly PingOneConnectionOptions _options;
    private readonly IPingOneManagementApi _api;
    private readonly JsonSerializerOptions _json;

    public PingOneClient(HttpClient http, PingOneConnectionOptions options)
    {
        _http = http;
        _options = options;
        _json = PingOneJson.Options;
        _api = RestService.For<IPingOneManagementApi>(http, new RefitSettings(new SystemTextJsonContentSerializer(_json)));
    }

    private string Env => _options.EnvironmentId;

    public async Task<PingOneUser?> GetUserAsync(string userId, CancellationToken ct = default)
    {
        var response = await _api.GetUser(Env, userId, "memberOfGroupIDs", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var user = Content(response);
        if (user.Enabled is null)
        {
            // enabled is documented as a read-only user attribute; when a response omits it, ask the enabled resource.
            var enabled = await _api.GetUserEnabled(Env, userId, ct);
            if (enabled.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            user = user with { Enabled = Content(enabled).Enabled };
        }

        return user;
    }

    public IAsyncEnumerable<PingOneUser> ListUsersAsync(string? filter = null, CancellationToken ct = default) =>
        Paginate(c => _api.ListUsers(Env, filter, PageLimit, c), "users", ct);

    public async Task<PingOneUser> CreateUserAsync(PingOneNewUser user, CancellationToken ct = default) =>
        Content(await _api.CreateUser(Env, user, ct));

    public async Task<PingOneUser> PatchUserAsync(string userId, PingOneUserPatch patch, CancellationToken ct = default) =>
        Content(await _api.PatchUser(Env, userId, patch, ct));

    public async Task<bool> DeleteUserAsync(string userId, CancellationToken ct = default) =>
        Succeeded(await _api.DeleteUser(Env, userId, ct));

    public async Task SetUserEnabledAsync(string userId, bool enabled, CancellationToken ct = default) =>
        Content(await _api.SetUserEnabled(Env, userId, new PingOneUserEnabled(enabled), ct));

    public async Task<PingOneGroup?> GetGroupAsync(string groupId, CancellationToken ct = default)
    {
        var response = await _api.GetGroup(Env, groupId, ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : Content(response);
    }

    public IAsyncEnumerable<PingOneGroup> ListGroupsAsync(string? filter = null, CancellationToken ct = default) =>
        Paginate(c => _api.ListGroups(Env, filter, PageLimit, c), "groups", ct);

    public async Task<PingOneGroup> CreateGroupAsync(PingOneNewGroup group, CancellationToken ct = default) =>
        Content(await _api.CreateGroup(Env, group, ct));

    public IAsyncEnumerable<PingOneGroupMembership> ListGroupMembershipsForUserAsync(string userId, CancellationToken ct = default) =>
        Paginate(c => _api.ListGroupMemberships(Env, userId, PageLimit, c), "groupMemberships", ct);

    public async Task AddUserToGroupAsync(string userId, string groupId, CancellationToken ct = default)
    {
        var response = await _api.AddUserToGroup(Env, userId, new PingOneReference(groupId), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response);
        }
    }

    public async Task<bool> RemoveUserFromGroupAsync(string userId, string groupId, CancellationToken ct = default) =>
        Succeeded(await _api.RemoveUserFromGroup(Env, userId, groupId, ct));

    public IAsyncEnumerable<PingOnePopulation> ListPopulationsAsync(CancellationToken ct = default) =>
        Paginate(c => _api.ListPopulations(Env, PageLimit, c), "populations", ct);

    private async IAsyncEnumerable<T> Paginate<T>(
        Func<CancellationToken, Task<IApiResponse<PingOneCollectionPage<T>>>> firstPage,
        string key,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var page = Content(await firstPage(ct));
        while (true)
        {
            foreach (var item in page.Items(key))
            {
                yield return item;
            }

            if (page.NextHref is not { } next)
            {
                yield break;
            }

            page = await NextPageAsync<T>(next, ct);
        }
    }

    /// <summary>
    /// Follows <c>_links.next.href</c> as given (it carries the cursor, filter and limit). The href must point at
    /// the configured API host: the request carries our bearer token.
    /// </summary>
    private async Task<PingOneCollectionPage<T>> NextPageAsync<T>(string href, CancellationToken ct)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var next)
            || Uri.Compare(next, _options.ApiBaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new PingOneApiException(HttpStatusCode.OK, "INVALID_NEXT_LINK", "A next-page link points outside the configured PingOne API");
        }

        using var response = await _http.GetAsync(next, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        return await response.Content.ReadFromJsonAsync<PingOneCollectionPage<T>>(_json, ct)
            ?? throw new PingOneApiException(response.StatusCode, "EMPTY_RESPONSE", "PingOne returned an empty page");
    }

    private static T Content<T>(IApiResponse<T> response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response);
        }

        return response.Content ?? throw new PingOneApiException(response.StatusCode ?? HttpStatusCode.OK, "EMPTY_RESPONSE", "PingOne returned no body");
    }

    private static bool Succeeded(IApiResponse response)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        return response.IsSuccessStatusCode ? true : throw Failure(response);
    }

    private static PingOneApiException Failure(HttpStatusCode status, string? body) => PingOneApiException.FromResponse(status, body);

    /// <summary>Refit hands back failures of the handler pipeline (such as a refused token request) inside the response.</summary>
    private static PingOneApiException Failure(IApiResponse response) =>
        response.Error?.InnerException is PingOneApiException pipelineFailure
            ? pipelineFailure
            : response.StatusCode is { } status
            ? PingOneApiException.FromResponse(status, (response.Error as ApiException)?.Content)
            : new PingOneApiException("PingOne could not be reached", (Exception?)response.Error ?? new HttpRequestException("no response"));
}
