using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ProvisioningBus.Docusign;
using ProvisioningBus.State.Tokens;

namespace ProvisioningBus.Core.Connections;

/// <summary>
/// Keeps each Docusign connection's refresh-token chain in the shared store, so that a restart or a second worker
/// never holds a token Docusign already rotated away (each refresh returns a new refresh token and retires the old).
/// </summary>
public sealed class StoreBackedDocusignRefreshTokenStore(IRefreshTokenStore store, ILogger<StoreBackedDocusignRefreshTokenStore> logger)
    : IDocusignRefreshTokenStore
{
    // The token this process last read per connection: the optimistic-concurrency guard of the next save.
    private readonly ConcurrentDictionary<string, string?> lastRead = new(StringComparer.Ordinal);

    public async ValueTask<string?> GetAsync(string connectionName, CancellationToken cancellationToken)
    {
        var token = await store.GetAsync(connectionName, cancellationToken);
        lastRead[connectionName] = token;
        return token;
    }

    public async ValueTask SaveAsync(string connectionName, string refreshToken, CancellationToken cancellationToken)
    {
        var expected = lastRead.GetValueOrDefault(connectionName);
        if (await store.SaveAsync(connectionName, expected, refreshToken, cancellationToken))
        {
            lastRead[connectionName] = refreshToken;
            return;
        }

        // Another instance rotated the chain between our read and this save. Its token is the newest one Docusign
        // issued from the shared chain, so ours is overwritten: the next refresh re-reads the store.
        logger.LogWarning("Docusign connection {Connection}: another instance rotated the refresh token first; keeping the stored one", connectionName);
        lastRead.TryRemove(connectionName, out _);
    }
}
