using System.Threading.Channels;

namespace ProvisioningBus.State.Log;

/// <summary>
/// The bounded queue between the workers and <see cref="ProvisioningLogWriter"/>: a change costs an in-memory write,
/// and the writer inserts what has gathered in multi-row statements.
/// </summary>
public sealed class ProvisioningLogQueue
{
    private readonly Channel<ProvisioningLogEntry> channel;

    public ProvisioningLogQueue(ProvisioningLogOptions options)
    {
        Enabled = options.Enabled;
        channel = Channel.CreateBounded<ProvisioningLogEntry>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public bool Enabled { get; }

    internal ChannelReader<ProvisioningLogEntry> Reader => channel.Reader;

    /// <summary>Queues the entry, waiting while the queue is full. After shutdown started, the entry is not kept.</summary>
    public async ValueTask EnqueueAsync(ProvisioningLogEntry entry, CancellationToken ct)
    {
        if (!Enabled)
        {
            return;
        }

        while (!channel.Writer.TryWrite(entry))
        {
            if (!await channel.Writer.WaitToWriteAsync(ct))
            {
                return;
            }
        }
    }

    /// <summary>No more entries: the writer drains what is queued and stops.</summary>
    internal void Complete() => channel.Writer.TryComplete();
}
