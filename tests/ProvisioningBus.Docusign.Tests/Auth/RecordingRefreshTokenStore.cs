using System.Collections.Concurrent;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Docusign.Tests.Auth;

/// <summary>A store that records every save and can run a probe (or fail) at save time.</summary>
public sealed class RecordingRefreshTokenStore : IDocusignRefreshTokenStore
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public ConcurrentQueue<(string Connection, string Token)> Saves { get; } = new();

    public Action<string>? OnSave { get; set; }

    public ValueTask<string?> GetAsync(string connectionName, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tokens.TryGetValue(connectionName, out var token) ? token : null);

    public ValueTask SaveAsync(string connectionName, string refreshToken, CancellationToken cancellationToken)
    {
        OnSave?.Invoke(refreshToken);
        _tokens[connectionName] = refreshToken;
        Saves.Enqueue((connectionName, refreshToken));
        return ValueTask.CompletedTask;
    }
}
