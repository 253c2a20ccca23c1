using System.Collections.Concurrent;
using MassTransit;

namespace ProvisioningBus.IntegrationTests.Infrastructure;

/// <summary>Records every message of one type that reaches its queue, so tests can see exactly what was published.</summary>
public sealed class RecordingConsumer<T>(MessageRecorder<T> recorder) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        recorder.Messages.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}

public sealed class MessageRecorder<T>
{
    public ConcurrentQueue<T> Messages { get; } = new();
}
