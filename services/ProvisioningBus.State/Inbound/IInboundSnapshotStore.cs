namespace ProvisioningBus.State.Inbound;

/// <summary>
/// The last Docusign snapshot of each inbound rule, built for a million users: it is streamed in id order for a
/// merge-diff and changed by what the diff found (<see cref="ApplyAsync"/>), so a poll writes what changed, not the account.
/// </summary>
public interface IInboundSnapshotStore
{
    /// <summary>The stored rows ordered by <see cref="SnapshotRow.DocusignUserId"/> as <see cref="SnapshotRow.IdOrder"/> sorts them.</summary>
    IAsyncEnumerable<SnapshotRow> ReadOrderedAsync(string rule, CancellationToken ct);

    /// <summary>
    /// Replaces the rule's snapshot with <paramref name="rows"/> in one transaction: readers see the old snapshot or the
    /// new one, never a mix, and a failure part-way (including one thrown by <paramref name="rows"/>) keeps the old one.
    /// </summary>
    /// <returns>How many rows were stored.</returns>
    Task<int> ReplaceAsync(string rule, IAsyncEnumerable<SnapshotRow> rows, CancellationToken ct);

    /// <summary>
    /// Applies <paramref name="writes"/> to the rule's snapshot in one transaction, batched: readers see the snapshot
    /// before or after, and a failure part-way (including one thrown by <paramref name="writes"/>) keeps it unchanged.
    /// Each user id appears at most once.
    /// </summary>
    /// <returns>How many writes were applied.</returns>
    Task<int> ApplyAsync(string rule, IAsyncEnumerable<SnapshotWrite> writes, CancellationToken ct);

    Task<int> CountAsync(string rule, CancellationToken ct);

    /// <returns>How many rows were removed.</returns>
    Task<int> DeleteAsync(string rule, CancellationToken ct);
}
