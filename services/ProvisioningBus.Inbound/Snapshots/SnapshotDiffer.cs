using System.Runtime.CompilerServices;
using ProvisioningBus.State.Inbound;

namespace ProvisioningBus.Inbound.Snapshots;

/// <summary>
/// Merge-diffs the snapshot being taken (in memory, sorted) with the stored one (streamed in the same order), so time
/// is linear and the previous snapshot is never loaded: only the row under the cursor is held.
/// </summary>
public static class SnapshotDiffer
{
    /// <summary>Sorts by <see cref="SnapshotRow.IdOrder"/> and drops repeated ids (a user listed twice across pages).</summary>
    public static List<SnapshotUser> Order(List<SnapshotUser> users)
    {
        users.Sort((a, b) => SnapshotRow.IdOrder.Compare(a.DocusignUserId, b.DocusignUserId));
        var write = 0;
        for (var read = 0; read < users.Count; read++)
        {
            if (write == 0 || !SnapshotRow.IdOrder.Equals(users[write - 1].DocusignUserId, users[read].DocusignUserId))
            {
                users[write++] = users[read];
            }
        }

        users.RemoveRange(write, users.Count - write);
        return users;
    }

    /// <param name="current">The snapshot being taken, ordered by <see cref="Order"/>.</param>
    /// <param name="previous">The stored snapshot, as <see cref="IInboundSnapshotStore.ReadOrderedAsync"/> streams it.</param>
    /// <param name="everyUser">A full resync: users present in both are reported as changed even when equal.</param>
    public static async IAsyncEnumerable<SnapshotDifference> DiffAsync(
        IReadOnlyList<SnapshotUser> current,
        IAsyncEnumerable<SnapshotRow> previous,
        bool everyUser,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cursor = previous.GetAsyncEnumerator(ct);
        var hasPrevious = await cursor.MoveNextAsync();
        var index = 0;
        while (index < current.Count || hasPrevious)
        {
            var order = !hasPrevious ? -1
                : index >= current.Count ? 1
                : SnapshotRow.IdOrder.Compare(current[index].DocusignUserId, cursor.Current.DocusignUserId);
            if (order < 0)
            {
                var user = current[index++];
                yield return new SnapshotDifference(SnapshotDifferenceKind.Appeared, user.DocusignUserId, null, user);
            }
            else if (order > 0)
            {
                var row = cursor.Current;
                yield return new SnapshotDifference(SnapshotDifferenceKind.Disappeared, row.DocusignUserId, row, null);
                hasPrevious = await cursor.MoveNextAsync();
            }
            else
            {
                var user = current[index++];
                var row = cursor.Current;
                if (everyUser || !string.Equals(SnapshotRows.Unmarked(row.AttributesHash).Hash, user.Hash, StringComparison.Ordinal))
                {
                    yield return new SnapshotDifference(SnapshotDifferenceKind.Changed, user.DocusignUserId, row, user);
                }

                hasPrevious = await cursor.MoveNextAsync();
            }
        }
    }

    /// <summary>
    /// The snapshot to store: the users taken now, except that each held deletion keeps its previous row (marked), so the
    /// next diff finds it again and nothing the guard held is lost.
    /// </summary>
    public static async IAsyncEnumerable<SnapshotRow> NextSnapshot(
        IReadOnlyList<SnapshotUser> current,
        IReadOnlyList<SnapshotDifference> held,
        Guid heldBy)
    {
        var replaced = held
            .Where(difference => difference.Kind == SnapshotDifferenceKind.Changed)
            .ToDictionary(difference => difference.DocusignUserId, difference => SnapshotRows.MarkHeld(difference.Previous!, heldBy), SnapshotRow.IdOrder);
        var gone = held
            .Where(difference => difference.Kind == SnapshotDifferenceKind.Disappeared)
            .Select(difference => SnapshotRows.MarkHeld(difference.Previous!, heldBy))
            .OrderBy(row => row.DocusignUserId, SnapshotRow.IdOrder)
            .ToList();

        var next = 0;
        foreach (var user in current)
        {
            while (next < gone.Count && SnapshotRow.IdOrder.Compare(gone[next].DocusignUserId, user.DocusignUserId) < 0)
            {
                yield return gone[next++];
            }

            yield return replaced.TryGetValue(user.DocusignUserId, out var kept) ? kept : SnapshotRows.ToRow(user);
        }

        while (next < gone.Count)
        {
            yield return gone[next++];
        }

        await Task.CompletedTask;
    }
}
