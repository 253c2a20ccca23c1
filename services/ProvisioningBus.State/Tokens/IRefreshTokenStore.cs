namespace ProvisioningBus.State.Tokens;

/// <summary>
/// The newest Docusign refresh token per connection. Docusign rotates the token on every refresh, so all instances
/// share one chain and rotate it with compare-and-swap. Tokens are secrets: nothing here puts them in a message or log.
/// </summary>
public interface IRefreshTokenStore
{
    /// <returns>The stored token, or <c>null</c> when none was saved (use the configured one to seed it).</returns>
    Task<string?> GetAsync(string connectionName, CancellationToken ct);

    /// <summary>
    /// Stores <paramref name="newToken"/> only if the stored token is still <paramref name="expectedCurrent"/>
    /// (<c>null</c> = nothing stored yet, i.e. seeding from configuration).
    /// </summary>
    /// <returns><c>false</c> when another instance rotated (or seeded) first: re-read and use its token.</returns>
    Task<bool> SaveAsync(string connectionName, string? expectedCurrent, string newToken, CancellationToken ct);

    /// <summary>Forgets the token, e.g. when an operator pastes a new one and the stored chain must not win over it.</summary>
    Task<bool> DeleteAsync(string connectionName, CancellationToken ct);
}
