namespace ProvisioningBus.Docusign;

/// <summary>The refresh hold of a store that only one process uses: the token manager's own lock already serialises its refreshes.</summary>
internal sealed class NoRefreshHold : IAsyncDisposable
{
    public static readonly NoRefreshHold Instance = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
