using System.Text;
using ProvisioningBus.State.Inbound;

namespace ProvisioningBus.Inbound.Snapshots;

/// <summary>
/// The snapshot writes of a run, kept on disk until every difference is published and confirmed: only then may the
/// snapshot change, and a first sync of a million users has a million writes, too many to hold.
/// </summary>
public sealed class SnapshotWriteSpool : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly string path = Path.Combine(Path.GetTempPath(), $"provisioningbus-writes-{Guid.NewGuid():N}.bin");
    private readonly FileStream stream;
    private readonly BinaryWriter writer;

    public SnapshotWriteSpool()
    {
        // Deleted when this stream closes, so a crashed run leaves nothing behind either.
        stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferSize, FileOptions.DeleteOnClose);
        writer = new BinaryWriter(stream, Encoding.UTF8);
    }

    public long Count { get; private set; }

    public void Add(SnapshotWrite write)
    {
        writer.Write(write.DocusignUserId);
        writer.Write(write.Row is not null);
        if (write.Row is { } row)
        {
            writer.Write(row.AttributesHash);
            writer.Write(row.AttributesJson);
        }

        Count++;
    }

    /// <summary>The writes added so far, in the order they were added.</summary>
    public async IAsyncEnumerable<SnapshotWrite> ReadAsync()
    {
        writer.Flush();
        var count = Count;
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.SequentialScan);
        using var reader = new BinaryReader(read, Encoding.UTF8);
        for (long i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            yield return reader.ReadBoolean()
                ? SnapshotWrite.Put(new SnapshotRow(id, reader.ReadString(), reader.ReadString()))
                : SnapshotWrite.Remove(id);
        }

        await Task.CompletedTask;
    }

    public void Dispose()
    {
        writer.Dispose();
        stream.Dispose();
    }
}
