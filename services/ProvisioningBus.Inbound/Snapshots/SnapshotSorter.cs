using ProvisioningBus.State.Inbound;

namespace ProvisioningBus.Inbound.Snapshots;

/// <summary>
/// Orders the snapshot being taken by <see cref="SnapshotRow.IdOrder"/> with bounded memory (an external merge sort):
/// Docusign lists users in creation order, so a million users would otherwise be held and sorted at once. Every
/// <see cref="RunSize"/> users are sorted and spilled to a temporary file; <see cref="ReadOrdered"/> merges the runs, as
/// often as asked (the diff reads them once, the next snapshot again), dropping repeated ids (a user listed twice across pages).
/// </summary>
public sealed class SnapshotSorter : IDisposable
{
    /// <summary>About 12 MB of users in memory: 100k users are five runs, a million fifty, merged in one pass.</summary>
    public const int DefaultRunSize = 20_000;

    private readonly List<SnapshotUser> pending;
    private readonly List<(string Path, int Count)> runs = [];
    private readonly string directory;
    private bool pendingSorted;

    public SnapshotSorter(int runSize = DefaultRunSize, string? directory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runSize, 1);
        RunSize = runSize;
        pending = new List<SnapshotUser>(Math.Min(runSize, 4_096));
        this.directory = Path.Combine(directory ?? Path.GetTempPath(), $"provisioningbus-snapshot-{Guid.NewGuid():N}");
    }

    public int RunSize { get; }

    /// <summary>Users added, repeats included.</summary>
    public long Count { get; private set; }

    /// <summary>Distinct users, known once <see cref="ReadOrdered"/> has been read to the end.</summary>
    public long DistinctCount { get; private set; }

    /// <summary>How many runs went to disk.</summary>
    public int SpilledRuns => runs.Count;

    public void Add(SnapshotUser user)
    {
        pending.Add(user);
        pendingSorted = false;
        Count++;
        if (pending.Count == RunSize)
        {
            Spill();
        }
    }

    /// <summary>Every user added, in id order, each id once.</summary>
    public IEnumerable<SnapshotUser> ReadOrdered()
    {
        if (!pendingSorted)
        {
            pending.Sort(static (a, b) => SnapshotRow.IdOrder.Compare(a.DocusignUserId, b.DocusignUserId));
            pendingSorted = true;
        }

        var sources = runs.Select(run => SnapshotRunFile.Read(run.Path, run.Count).GetEnumerator()).Append(pending.GetEnumerator()).ToList();
        try
        {
            var queue = new PriorityQueue<int, string>(sources.Count, SnapshotRow.IdOrder);
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].MoveNext())
                {
                    queue.Enqueue(i, sources[i].Current.DocusignUserId);
                }
            }

            string? last = null;
            long distinct = 0;
            while (queue.TryDequeue(out var source, out var id))
            {
                var user = sources[source].Current;
                if (last is null || !SnapshotRow.IdOrder.Equals(last, id))
                {
                    last = id;
                    distinct++;
                    yield return user;
                }

                if (sources[source].MoveNext())
                {
                    queue.Enqueue(source, sources[source].Current.DocusignUserId);
                }
            }

            DistinctCount = distinct;
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    /// <summary>The ordered users as a stream, for <see cref="SnapshotDiffer.DiffAsync"/>.</summary>
    public async IAsyncEnumerable<SnapshotUser> ReadOrderedAsync()
    {
        foreach (var user in ReadOrdered())
        {
            yield return user;
        }

        await Task.CompletedTask;
    }

    public void Dispose()
    {
        pending.Clear();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void Spill()
    {
        pending.Sort(static (a, b) => SnapshotRow.IdOrder.Compare(a.DocusignUserId, b.DocusignUserId));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"run-{runs.Count:D5}.bin");
        SnapshotRunFile.Write(path, pending);
        runs.Add((path, pending.Count));
        pending.Clear();
    }
}
