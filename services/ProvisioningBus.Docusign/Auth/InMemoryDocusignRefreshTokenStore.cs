using System.Collections.Concurrent;

namespace ProvisioningBus.Docusign;

/// <summary>Process-lifetime store: the default until a durable store replaces it in DI.</summary>
public sealed class InMemoryDocusignRefreshTokenStore : IDocusignRefreshTokenStore
{
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public ValueTask<string?> GetAsync(string connectionName, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tokens.TryGetValue(connectionName, out var token) ? token : null);

    public ValueTask SaveAsync(string connectionName, string refreshToken, CancellationToken cancellationToken)
    {
        _tokens[connectionName] = refreshToken;
        return ValueTask.CompletedTask;
    }
}
