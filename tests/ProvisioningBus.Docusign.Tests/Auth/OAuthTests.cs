using Docusign.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Docusign.Tests.Auth;

public sealed class OAuthTests
{
    [Fact]
    public async Task Twenty_concurrent_callers_cause_exactly_one_refresh_and_the_rotated_token_is_persisted()
    {
        var store = new RecordingRefreshTokenStore();
        await using var context = await StartWithStoreAsync(store);
        var client = context.Client;
        var adminId = context.State.AdminUserId;

        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetUserAsync(adminId)));

        Assert.All(users, u => Assert.Equal(adminId, u!.UserId));
        Assert.Equal(1, context.State.RefreshCount);
        Assert.Equal(1, context.State.TokenRequestCount);
        var saved = Assert.Single(store.Saves);
        Assert.Equal(DocusignTestContext.ConnectionName, saved.Connection);
        Assert.Equal(context.State.CurrentRefreshToken, saved.Token);
        Assert.NotEqual(context.Emulator.Options.InitialRefreshToken, saved.Token);
    }

    [Fact]
    public async Task The_rotated_refresh_token_is_saved_before_the_new_access_token_is_used()
    {
        var store = new RecordingRefreshTokenStore();
        await using var context = await StartWithStoreAsync(store);
        var restCallsAtSave = -1;
        store.OnSave = _ => restCallsAtSave = context.RestRequests().Count;

        await context.Client.GetUserAsync(context.State.AdminUserId);

        Assert.Equal(0, restCallsAtSave);
        Assert.Single(context.RestRequests());
    }

    [Fact]
    public async Task When_the_store_cannot_take_the_rotated_token_it_is_kept_used_and_saved_once_the_store_answers()
    {
        // Docusign has retired the stored token the moment it issued the new one: dropping the new one would end the chain.
        var store = new RecordingRefreshTokenStore { OnSave = _ => throw new InvalidOperationException("database down") };
        await using var context = await StartWithStoreAsync(store);

        await context.Client.GetUserAsync(context.State.AdminUserId);
        Assert.Empty(store.Saves);

        store.OnSave = null;
        await context.Client.GetUserAsync(context.State.AdminUserId);
        Assert.Equal(context.State.CurrentRefreshToken, Assert.Single(store.Saves).Token);

        // The chain goes on from the saved token.
        context.State.ExpireAccessTokens();
        await context.Client.GetUserAsync(context.State.AdminUserId);
        Assert.Equal(2, context.State.RefreshCount);
        Assert.Equal(context.State.CurrentRefreshToken, store.Saves.Last().Token);
    }

    [Fact]
    public async Task While_the_store_is_down_an_expired_access_token_is_refreshed_from_the_token_kept_in_memory()
    {
        var store = new RecordingRefreshTokenStore { OnSave = _ => throw new InvalidOperationException("database down") };
        await using var context = await StartWithStoreAsync(store);
        await context.Client.GetUserAsync(context.State.AdminUserId);

        context.State.ExpireAccessTokens();
        await context.Client.GetUserAsync(context.State.AdminUserId);

        Assert.Equal(2, context.State.RefreshCount);
        Assert.Equal(context.State.TokenRequestCount, context.State.RefreshCount);
        store.OnSave = null;
        await context.Client.GetUserAsync(context.State.AdminUserId);
        Assert.Equal(context.State.CurrentRefreshToken, Assert.Single(store.Saves).Token);
    }

    [Fact]
    public async Task The_next_refresh_redeems_the_persisted_token_and_a_reused_token_is_refused()
    {
        var store = new RecordingRefreshTokenStore();
        await using var context = await StartWithStoreAsync(store);
        await context.Client.GetUserAsync(context.State.AdminUserId);

        context.State.ExpireAccessTokens();
        await context.Client.GetUserAsync(context.State.AdminUserId);

        Assert.Equal(2, context.State.RefreshCount);
        Assert.Equal(2, store.Saves.Count);
        Assert.Equal(context.State.CurrentRefreshToken, store.Saves.Last().Token);

        // The initial token was used once: redeeming it again is invalid_grant.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, context.Emulator.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "refresh_token"), new("refresh_token", context.Emulator.Options.InitialRefreshToken)]),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{context.Emulator.Options.ClientId}:{context.Emulator.Options.ClientSecret}")));
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error\":\"invalid_grant\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_triggers_one_refresh_and_one_retry_that_succeeds()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var client = context.Client;
        await client.GetUserAsync(context.State.AdminUserId);
        context.State.ExpireAccessTokens();

        var user = await client.GetUserAsync(context.State.AdminUserId);

        Assert.NotNull(user);
        Assert.Equal(2, context.State.RefreshCount);
        var statuses = context.RestRequests().Select(r => r.StatusCode).ToArray();
        Assert.Equal([200, 401, 200], statuses);
    }

    [Fact]
    public async Task Twenty_concurrent_callers_rejected_with_401_share_one_refresh()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var client = context.Client;
        await client.GetUserAsync(context.State.AdminUserId);
        context.State.ExpireAccessTokens();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetUserAsync(context.State.AdminUserId)));

        Assert.Equal(2, context.State.RefreshCount);
    }

    [Fact]
    public async Task Access_tokens_are_reused_until_shortly_before_they_expire()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        await using var context = await DocusignTestContext.StartAsync(
            new DocusignEmulatorOptions { TimeProvider = clock },
            c => c.AttemptTimeout = TimeSpan.FromDays(1),
            s => DocusignTestContext.ReplaceTimeProvider(s, clock));
        var client = context.Client;
        await client.GetUserAsync(context.State.AdminUserId);

        clock.Advance(TimeSpan.FromHours(7) + TimeSpan.FromMinutes(50));
        await client.GetUserAsync(context.State.AdminUserId);
        Assert.Equal(1, context.State.RefreshCount);

        clock.Advance(TimeSpan.FromMinutes(6)); // inside the 5-minute margin before the 8-hour expiry
        await client.GetUserAsync(context.State.AdminUserId);

        Assert.Equal(2, context.State.RefreshCount);
        Assert.DoesNotContain(context.RestRequests(), r => r.StatusCode == 401);
    }

    [Fact]
    public async Task A_refused_refresh_token_surfaces_as_invalid_grant_without_secrets()
    {
        await using var context = await DocusignTestContext.StartAsync(configureConnection: c => c.RefreshToken = "stale-refresh-token-value");

        var error = await Assert.ThrowsAsync<DocusignAuthenticationException>(() => context.Client.GetUserAsync("x"));

        Assert.Equal(DocusignAuthenticationFailure.InvalidGrant, error.Failure);
        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.DoesNotContain("stale-refresh-token-value", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(context.Emulator.Options.ClientSecret, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(context.RestRequests());
    }

    [Fact]
    public async Task Rest_errors_carry_status_and_error_code_but_never_the_access_token()
    {
        await using var context = await DocusignTestContext.StartAsync(new DocusignEmulatorOptions { TokenUserIsAdmin = false });

        var error = await Assert.ThrowsAsync<DocusignApiException>(() => context.Client.ListUsersAsync().ToListAsync().AsTask());

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("USER_LACKS_PERMISSIONS", error.ErrorCode);
        Assert.Contains("/users", error.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    private static Task<DocusignTestContext> StartWithStoreAsync(RecordingRefreshTokenStore store) =>
        DocusignTestContext.StartAsync(configureServices: services => services.AddSingleton<IDocusignRefreshTokenStore>(store));
}
