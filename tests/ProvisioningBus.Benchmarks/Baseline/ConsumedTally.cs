using System.Collections.Concurrent;

namespace ProvisioningBus.Benchmarks.Baseline;

/// <summary>What the bare consumer saw: how many messages, and when each event id arrived.</summary>
public sealed class ConsumedTally
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> arrivals = new(StringComparer.Ordinal);
    private TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int expected;
    private int count;

    public IReadOnlyDictionary<string, DateTimeOffset> Arrivals => arrivals;

    /// <summary>Starts a new round that completes once <paramref name="messages"/> messages were consumed.</summary>
    public Task Expect(int messages)
    {
        arrivals.Clear();
        Volatile.Write(ref count, 0);
        Volatile.Write(ref expected, messages);
        completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return completed.Task;
    }

    public void Record(string eventId, DateTimeOffset at)
    {
        arrivals[eventId] = at;
        if (Interlocked.Increment(ref count) == Volatile.Read(ref expected))
        {
            completed.TrySetResult();
        }
    }
}
