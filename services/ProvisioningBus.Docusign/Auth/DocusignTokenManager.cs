using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ProvisioningBus.Docusign;

/// <summary>
/// Access tokens of one connection: cached until shortly before expires_in, refreshed by exactly one caller at a
/// time (the others wait and reuse its result), the rotated refresh token saved before the new access token is used.
/// When the store cannot take it (a database outage mid-refresh), the rotated token is kept in memory, used, and saved
/// at the next chance: Docusign has already retired the stored one, so dropping it would end the chain for good.
/// </summary>
internal sealed class DocusignTokenManager : IDisposable
{
    private readonly string _connectionName;
    private readonly DocusignConnectionOptions _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IDocusignRefreshTokenStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private CachedToken? _current;

    // A refresh token Docusign issued that the store could not take (it was unreachable). Docusign retired the one the
    // store holds, so this is the chain's only live link: it is saved at the next chance and redeemed before the store's.
    private string? _unsavedRefreshToken;

    public DocusignTokenManager(
        string connectionName,
        DocusignConnectionOptions options,
        IHttpClientFactory httpClientFactory,
        IDocusignRefreshTokenStore store,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _connectionName = connectionName;
        _options = options;
        _httpClientFactory = httpClientFactory;
        _store = store;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public static string HttpClientName(string connectionName) => "docusign-oauth:" + connectionName;

    /// <summary>A valid access token: the cached one, or a fresh one when it is missing or about to expire.</summary>
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || !IsFresh(current))
        {
            return new ValueTask<string>(RefreshAsync(current?.Value, force: false, cancellationToken));
        }

        // A fresh token with a rotated refresh token the store missed: the slow path saves it first, and keeps the token.
        return Volatile.Read(ref _unsavedRefreshToken) is null
            ? ValueTask.FromResult(current.Value)
            : new ValueTask<string>(RefreshAsync(staleToken: null, force: false, cancellationToken));
    }

    /// <summary>After a 401: refresh unless another caller already replaced the rejected token.</summary>
    public Task<string> RefreshAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken) =>
        RefreshAsync(rejectedToken, force: false, cancellationToken);

    /// <summary>Always redeem the refresh token (Test Connection).</summary>
    public Task<string> ForceRefreshAsync(CancellationToken cancellationToken) =>
        RefreshAsync(null, force: true, cancellationToken);

    public async Task<DocusignUserInfo> GetUserInfoAsync(CancellationToken cancellationToken)
    {
        var endpoint = _options.ResolveUserInfoEndpoint();
        var accessToken = await GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateClient(HttpClientName(_connectionName)).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DocusignAuthenticationException(DocusignAuthenticationFailure.TokenEndpointUnreachable, null, null, "The account server did not answer.", endpoint.AbsolutePath);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var (code, message) = DocusignExceptionFactory.ParseError(body);
                throw new DocusignApiException(response.StatusCode, code, message, "GET", endpoint.AbsolutePath);
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var accounts = new List<DocusignUserInfoAccount>();
            if (root.TryGetProperty("accounts", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var account in list.EnumerateArray())
                {
                    accounts.Add(new DocusignUserInfoAccount(
                        Text(account, "account_id"),
                        account.TryGetProperty("is_default", out var isDefault) && (isDefault.ValueKind == JsonValueKind.True || (isDefault.ValueKind == JsonValueKind.String && DocusignValues.ParseBool(isDefault.GetString()) == true)),
                        Text(account, "account_name"),
                        Text(account, "base_uri")));
                }
            }

            return new DocusignUserInfo(Text(root, "sub"), Text(root, "name"), Text(root, "email"), accounts);
        }
    }

    private async Task<string> RefreshAsync(string? staleToken, bool force, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var saved = await TrySaveUnsavedAsync().ConfigureAwait(false);
            var current = Volatile.Read(ref _current);
            if (!force && current is not null && IsFresh(current) && current.Value != staleToken)
            {
                return current.Value;
            }

            // Across processes too: whoever redeems second reads the token the first one stored, never the spent one.
            // A token only this process holds (the store missed it) needs neither the store nor its lease.
            var hold = saved ? await _store.HoldRefreshAsync(_connectionName, cancellationToken).ConfigureAwait(false) : null;
            try
            {
                return await RedeemAndKeepAsync(saved, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (hold is not null)
                {
                    await hold.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <param name="fromStore">False when the refresh token to redeem is the one the store missed.</param>
    private async Task<string> RedeemAndKeepAsync(bool fromStore, CancellationToken cancellationToken)
    {
        var refreshToken = fromStore ? await _store.GetAsync(_connectionName, cancellationToken).ConfigureAwait(false) : _unsavedRefreshToken;
        if (string.IsNullOrEmpty(refreshToken))
        {
            refreshToken = _options.RefreshToken;
        }

        if (string.IsNullOrEmpty(refreshToken))
        {
            throw new DocusignAuthenticationException(
                DocusignAuthenticationFailure.MissingRefreshToken, null, "missing_refresh_token",
                $"Connection '{_connectionName}' has no refresh token; a person must consent and provide one.",
                _options.TokenEndpoint!.AbsolutePath);
        }

        // Once the token endpoint may have rotated the refresh token, finishing (and keeping) it matters more than the
        // caller's cancellation: a lost rotation would break the chain for good.
        var issued = await RedeemAsync(refreshToken, CancellationToken.None).ConfigureAwait(false);
        var token = new CachedToken(issued.AccessToken, _timeProvider.GetUtcNow() + TimeSpan.FromSeconds(issued.ExpiresIn));
        Volatile.Write(ref _current, token);
        if (!string.IsNullOrEmpty(issued.RefreshToken) && issued.RefreshToken != refreshToken)
        {
            Volatile.Write(ref _unsavedRefreshToken, issued.RefreshToken);
            await TrySaveUnsavedAsync().ConfigureAwait(false);
        }

        _logger.LogInformation("Docusign connection {Connection}: access token refreshed, valid until {ExpiresAt:O}", _connectionName, token.ExpiresAt);
        return token.Value;
    }

    /// <summary>Saves a refresh token the store missed; true when none is left unsaved.</summary>
    private async Task<bool> TrySaveUnsavedAsync()
    {
        if (Volatile.Read(ref _unsavedRefreshToken) is not { } unsaved)
        {
            return true;
        }

        try
        {
            await _store.SaveAsync(_connectionName, unsaved, CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref _unsavedRefreshToken, null);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Kept in memory: this process goes on with it, and saves it when the store answers again.
            _logger.LogWarning("Docusign connection {Connection}: the rotated refresh token could not be stored ({Error}); kept in memory until the store answers",
                _connectionName, ex.GetType().Name);
            return false;
        }
    }

    private async Task<TokenResponse> RedeemAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var endpoint = _options.TokenEndpoint!;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", _options.GrantType),
                new("refresh_token", refreshToken),
            ]),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.ClientId}:{_options.ClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);

        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateClient(HttpClientName(_connectionName)).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            _logger.LogWarning("Docusign connection {Connection}: token endpoint {Host} unreachable ({Error})", _connectionName, endpoint.Host, ex.GetType().Name);
            throw new DocusignAuthenticationException(
                DocusignAuthenticationFailure.TokenEndpointUnreachable, null, null,
                $"The token endpoint {endpoint.GetLeftPart(UriPartial.Path)} did not answer ({ex.GetType().Name}).",
                endpoint.AbsolutePath);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var (error, description) = DocusignExceptionFactory.ParseError(body);
                var failure = Classify(response.StatusCode, error);
                _logger.LogWarning("Docusign connection {Connection}: token endpoint refused the refresh ({Status} {Error})", _connectionName, (int)response.StatusCode, error);
                throw new DocusignAuthenticationException(failure, response.StatusCode, error, Redact(description), endpoint.AbsolutePath);
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var accessToken = Text(root, "access_token");
            if (string.IsNullOrEmpty(accessToken))
            {
                throw new DocusignAuthenticationException(DocusignAuthenticationFailure.Other, response.StatusCode, "invalid_response", "The token response has no access_token.", endpoint.AbsolutePath);
            }

            var expiresIn = root.TryGetProperty("expires_in", out var e)
                ? e.ValueKind == JsonValueKind.Number ? e.GetInt32() : DocusignValues.ParseInt(e.GetString()) ?? 0
                : 0;
            return new TokenResponse(accessToken, Text(root, "refresh_token"), expiresIn > 0 ? expiresIn : 3600);
        }
    }

    private static DocusignAuthenticationFailure Classify(HttpStatusCode status, string? error) => error switch
    {
        "invalid_grant" => DocusignAuthenticationFailure.InvalidGrant,
        "invalid_client" or "unauthorized_client" => DocusignAuthenticationFailure.InvalidClient,
        _ when status == HttpStatusCode.Unauthorized => DocusignAuthenticationFailure.InvalidClient,
        _ => DocusignAuthenticationFailure.Other,
    };

    private string? Redact(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in new[] { _options.ClientSecret, _options.RefreshToken })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private bool IsFresh(CachedToken token) => token.ExpiresAt - _options.AccessTokenRefreshMargin > _timeProvider.GetUtcNow();

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public void Dispose() => _refreshLock.Dispose();

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt);

    private sealed record TokenResponse(string AccessToken, string? RefreshToken, int ExpiresIn);
}
