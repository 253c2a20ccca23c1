using System.Runtime.CompilerServices;
using ProvisioningBus.State.Inbound;

namespace ProvisioningBus.Inbound.Snapshots;

/// <summary>
/// Merge-diffs the snapshot being taken with the stored one, both streamed in id order, so time is linear and neither
/// snapshot is loaded: only the user and the row under the cursors are held. What is stored afterwards is the
/// differences (<see cref="Write"/>, <see cref="Hold"/>), not the account.
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

    /// <param name="current">The snapshot being taken, in <see cref="SnapshotRow.IdOrder"/>, each id once (<see cref="SnapshotSorter.ReadOrderedAsync"/>).</param>
    /// <param name="previous">The stored snapshot, as <see cref="IInboundSnapshotStore.ReadOrderedAsync"/> streams it.</param>
    /// <param name="everyUser">A full resync: users present in both are reported as changed even when equal.</param>
    public static IAsyncEnumerable<SnapshotDifference> DiffAsync(
        IAsyncEnumerable<SnapshotUser> current,
        IAsyncEnumerable<SnapshotRow> previous,
        bool everyUser,
        CancellationToken ct) => DiffAsync(current, previous, everyUser, touched: null, complete: null, ct);

    /// <summary>
    /// An incremental diff: <paramref name="current"/> holds only the users listed as modified. A stored user absent
    /// from it is unchanged, unless it was listed (<paramref name="touched"/>) and then left out (gone, or the filter
    /// no longer takes it): then it disappeared. <paramref name="complete"/> fills what the listing lacks (the job
    /// title) from the stored row before comparing.
    /// </summary>
    public static IAsyncEnumerable<SnapshotDifference> DiffModifiedAsync(
        IAsyncEnumerable<SnapshotUser> current,
        IAsyncEnumerable<SnapshotRow> previous,
        IReadOnlySet<string> touched,
        Func<SnapshotUser, SnapshotRow, SnapshotUser>? complete,
        CancellationToken ct) => DiffAsync(current, previous, everyUser: false, touched, complete, ct);

    private static async IAsyncEnumerable<SnapshotDifference> DiffAsync(
        IAsyncEnumerable<SnapshotUser> current,
        IAsyncEnumerable<SnapshotRow> previous,
        bool everyUser,
        IReadOnlySet<string>? touched,
        Func<SnapshotUser, SnapshotRow, SnapshotUser>? complete,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var taken = current.GetAsyncEnumerator(ct);
        await using var cursor = previous.GetAsyncEnumerator(ct);
        var hasCurrent = await taken.MoveNextAsync();
        var hasPrevious = await cursor.MoveNextAsync();
        while (hasCurrent || hasPrevious)
        {
            var order = !hasPrevious ? -1
                : !hasCurrent ? 1
                : SnapshotRow.IdOrder.Compare(taken.Current.DocusignUserId, cursor.Current.DocusignUserId);
            if (order < 0)
            {
                var user = taken.Current;
                yield return new SnapshotDifference(SnapshotDifferenceKind.Appeared, user.DocusignUserId, null, user);
                hasCurrent = await taken.MoveNextAsync();
            }
            else if (order > 0)
            {
                var row = cursor.Current;
                if (touched is null || touched.Contains(row.DocusignUserId))
                {
                    yield return new SnapshotDifference(SnapshotDifferenceKind.Disappeared, row.DocusignUserId, row, null);
                }

                hasPrevious = await cursor.MoveNextAsync();
            }
            else
            {
                var row = cursor.Current;
                var user = complete is null ? taken.Current : complete(taken.Current, row);
                var (hash, heldBy) = SnapshotRows.Unmarked(row.AttributesHash);
                if (everyUser || !string.Equals(hash, user.Hash, StringComparison.Ordinal))
                {
                    yield return new SnapshotDifference(SnapshotDifferenceKind.Changed, user.DocusignUserId, row, user);
                }
                else if (heldBy is not null)
                {
                    yield return new SnapshotDifference(SnapshotDifferenceKind.Released, user.DocusignUserId, row, user);
                }

                hasCurrent = await taken.MoveNextAsync();
                hasPrevious = await cursor.MoveNextAsync();
            }
        }
    }

    /// <summary>What storing a difference that was published (or needs no event) changes in the snapshot; null when nothing.</summary>
    public static SnapshotWrite? Write(SnapshotDifference difference) => difference.Kind switch
    {
        SnapshotDifferenceKind.Disappeared => SnapshotWrite.Remove(difference.DocusignUserId),
        // A full resync reports equal users too; their row is already right.
        SnapshotDifferenceKind.Changed when string.Equals(difference.Previous!.AttributesHash, difference.Current!.Hash, StringComparison.Ordinal) => null,
        _ => SnapshotWrite.Put(SnapshotRows.ToRow(difference.Current!)),
    };

    /// <summary>
    /// What storing a deletion the mass-deletion guard held changes: the previous row stays (marked), so the next diff
    /// finds the deletion again and nothing the guard held is lost.
    /// </summary>
    public static SnapshotWrite Hold(SnapshotDifference difference, Guid heldBy) =>
        SnapshotWrite.Put(SnapshotRows.MarkHeld(difference.Previous!, heldBy));
}
