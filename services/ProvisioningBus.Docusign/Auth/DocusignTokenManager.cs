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
        var accessToken = await GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        return await DocusignUserInfoReader.ReadAsync(
            _httpClientFactory.CreateClient(HttpClientName(_connectionName)), _options.ResolveUserInfoEndpoint(), accessToken, cancellationToken).ConfigureAwait(false);
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

            if (_options.IsJwtGrant)
            {
                return await MintWithJwtAsync(cancellationToken).ConfigureAwait(false);
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
                $"Connection '{_connectionName}' has no refresh token; an administrator must consent: run `connect docusign {_connectionName}`.",
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

    private Task<DocusignIssuedToken> RedeemAsync(string refreshToken, CancellationToken cancellationToken) =>
        Endpoint().RequestAsync(
            [new("grant_type", DocusignConnectionOptions.RefreshTokenGrant), new("refresh_token", refreshToken)],
            _options.ClientId,
            _options.ClientSecret,
            cancellationToken);

    /// <summary>
    /// JWT grant: a fresh assertion per token, no refresh token to keep and so no chain, no store and no lease; the
    /// private key is read from its file each time so a rotated key file takes effect without a restart.
    /// </summary>
    private async Task<string> MintWithJwtAsync(CancellationToken cancellationToken)
    {
        var endpoint = Endpoint();
        var assertion = DocusignJwtAssertion.Create(
            _options.ClientId!,
            _options.ImpersonatedUserId!,
            DocusignJwtAssertion.Audience(endpoint.Address),
            await File.ReadAllTextAsync(_options.PrivateKeyFile!, cancellationToken).ConfigureAwait(false),
            _timeProvider.GetUtcNow());
        var issued = await endpoint.RequestAsync(
            [new("grant_type", DocusignJwtAssertion.GrantType), new("assertion", assertion)], null, null, cancellationToken).ConfigureAwait(false);
        var token = new CachedToken(issued.AccessToken, _timeProvider.GetUtcNow() + TimeSpan.FromSeconds(issued.ExpiresIn));
        Volatile.Write(ref _current, token);
        _logger.LogInformation("Docusign connection {Connection}: access token minted by JWT grant, valid until {ExpiresAt:O}", _connectionName, token.ExpiresAt);
        return token.Value;
    }

    private DocusignTokenEndpoint Endpoint() => new(
        _httpClientFactory.CreateClient(HttpClientName(_connectionName)), _options.TokenEndpoint!, _connectionName, _logger, _options.ClientSecret, _options.RefreshToken);

    private bool IsFresh(CachedToken token) => token.ExpiresAt - _options.AccessTokenRefreshMargin > _timeProvider.GetUtcNow();

    public void Dispose() => _refreshLock.Dispose();

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt);
}
