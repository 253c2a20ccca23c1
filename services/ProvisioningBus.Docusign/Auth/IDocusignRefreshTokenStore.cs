namespace ProvisioningBus.Docusign;

/// <summary>
/// Durable home of each connection's current refresh token. Docusign rotates the refresh token on every refresh,
/// so the new one must be saved before the new access token is used (fact sheet §5.4).
/// </summary>
public interface IDocusignRefreshTokenStore
{
    ValueTask<string?> GetAsync(string connectionName, CancellationToken cancellationToken);

    ValueTask SaveAsync(string connectionName, string refreshToken, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the connection's refresh exclusively until disposed: a redemption of the rotating refresh token must not
    /// overlap another one anywhere, or the later of two redemptions of the same token is refused (<c>invalid_grant</c>)
    /// and the chain may be lost. The default suits a store only this process uses.
    /// </summary>
    ValueTask<IAsyncDisposable> HoldRefreshAsync(string connectionName, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable>(NoRefreshHold.Instance);
}
