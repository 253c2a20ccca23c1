using ProvisioningBus.State.Inbound;

namespace ProvisioningBus.Inbound.Tests.Infrastructure;

/// <summary>
/// The store's snapshot feature with a hook before the new snapshot is stored, i.e. after every difference of the run
/// was published and confirmed: the moment a crash or a long run matters.
/// </summary>
public sealed class SnapshotStoreDecorator(IInboundSnapshotStore inner, Action beforeReplace) : IInboundSnapshotStore
{
    public IAsyncEnumerable<SnapshotRow> ReadOrderedAsync(string rule, CancellationToken ct) => inner.ReadOrderedAsync(rule, ct);

    public Task<int> ReplaceAsync(string rule, IAsyncEnumerable<SnapshotRow> rows, CancellationToken ct)
    {
        beforeReplace();
        return inner.ReplaceAsync(rule, rows, ct);
    }

    public Task<int> ApplyAsync(string rule, IAsyncEnumerable<SnapshotWrite> writes, CancellationToken ct)
    {
        beforeReplace();
        return inner.ApplyAsync(rule, writes, ct);
    }

    public Task<int> CountAsync(string rule, CancellationToken ct) => inner.CountAsync(rule, ct);

    public Task<int> DeleteAsync(string rule, CancellationToken ct) => inner.DeleteAsync(rule, ct);
}
