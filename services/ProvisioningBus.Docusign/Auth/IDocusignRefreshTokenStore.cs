namespace ProvisioningBus.Docusign;

/// <summary>
/// Durable home of each connection's current refresh token. Docusign rotates the refresh token on every refresh,
/// so the new one must be saved before the new access token is used (fact sheet §5.4).
/// </summary>
public interface IDocusignRefreshTokenStore
{
    ValueTask<string?> GetAsync(string connectionName, CancellationToken cancellationToken);

    ValueTask SaveAsync(string connectionName, string refreshToken, CancellationToken cancellationToken);
}
