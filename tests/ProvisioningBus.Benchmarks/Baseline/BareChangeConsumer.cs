using MassTransit;
using ProvisioningBus.Contracts;

namespace ProvisioningBus.Benchmarks.Baseline;

/// <summary>The baseline: a consumer of the real user-change message that does no work beyond noting its arrival.</summary>
public sealed class BareChangeConsumer(ConsumedTally tally) : IConsumer<PingOneUserChanged>
{
    public Task Consume(ConsumeContext<PingOneUserChanged> context)
    {
        tally.Record(context.Message.EventId, DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }
}
