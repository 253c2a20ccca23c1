using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ProvisioningBus.Docusign;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.State.Leases;
using ProvisioningBus.State.Tokens;

namespace ProvisioningBus.Core.Connections;

/// <summary>
/// Keeps each Docusign connection's refresh-token chain in the shared store, so that a restart or a second worker
/// never holds a token Docusign already rotated away (each refresh returns a new refresh token and retires the old),
/// and lets one process at a time redeem it (a lease in the same store).
/// </summary>
public sealed class StoreBackedDocusignRefreshTokenStore(
    IRefreshTokenStore store, ILeaseStore leases, TimeProvider time, ILogger<StoreBackedDocusignRefreshTokenStore> logger)
    : IDocusignRefreshTokenStore
{
    /// <summary>Outlives a redemption with the HTTP client's retries; a holder that dies frees the refresh after this.</summary>
    private static readonly TimeSpan RefreshLeaseTtl = TimeSpan.FromSeconds(60);

    private readonly string instanceId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    // The token this process last read per connection: the optimistic-concurrency guard of the next save.
    private readonly ConcurrentDictionary<string, string?> lastRead = new(StringComparer.Ordinal);

    public async ValueTask<string?> GetAsync(string connectionName, CancellationToken cancellationToken)
    {
        var token = await store.GetAsync(connectionName, cancellationToken);
        lastRead[connectionName] = token;
        return token;
    }

    public async ValueTask<IAsyncDisposable> HoldRefreshAsync(string connectionName, CancellationToken cancellationToken) =>
        await HeldLease.AcquireAsync(leases, $"docusign-refresh:{connectionName}", instanceId, RefreshLeaseTtl, 2 * RefreshLeaseTtl, time, logger, cancellationToken)
            ?? throw new TimeoutException($"Docusign connection {connectionName}: another instance held the token refresh for over {2 * RefreshLeaseTtl.TotalSeconds:0} s.");

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
