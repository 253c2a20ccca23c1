using System.Diagnostics;
using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Messaging;

namespace ProvisioningBus.Benchmarks.Baseline;

/// <summary>
/// MassTransit on the same broker, in its own virtual host, with the user-change endpoint's transport settings
/// (quorum queue, the bus prefetch, as many concurrent messages as the user consumer, publisher confirms, mandatory publishes) and a consumer that
/// does nothing: the ceiling the real pipeline is compared with.
/// </summary>
public sealed class BareBus : IAsyncDisposable
{
    private const string EnvironmentId = "bare-baseline";

    private readonly IBusControl bus;
    private readonly ConsumedTally tally;

    private BareBus(IBusControl bus, ConsumedTally tally)
    {
        this.bus = bus;
        this.tally = tally;
    }

    public static async Task<BareBus> StartAsync(Uri amqpUri, CancellationToken ct)
    {
        var address = RabbitMqAddress.Parse(amqpUri.ToString());
        var tally = new ConsumedTally();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.UserName);
                host.Password(address.Password);
                host.PublisherConfirmation = true;
            });
            cfg.ReceiveEndpoint("bare-user-changes", endpoint =>
            {
                endpoint.SetQuorumQueue();
                endpoint.PrefetchCount = new BusOptions().PrefetchCount;
                endpoint.ConcurrentMessageLimit = BareConcurrency;
                endpoint.Consumer(() => new BareChangeConsumer(tally));
            });
        });
        await bus.StartAsync(ct);
        return new BareBus(bus, tally);
    }

    /// <summary>Messages consumed at once: what the per-change user consumer ran with, so the baseline stays comparable across tables.</summary>
    public const int BareConcurrency = 32;

    /// <summary>Publishes <paramref name="count"/> changes in confirmed batches (as the gateway does) and times until the last is consumed.</summary>
    public async Task<TimeSpan> PublishAndConsumeAsync(int count, int batchSize, TimeSpan timeout, CancellationToken ct)
    {
        var messages = Enumerable.Range(0, count).Select(Change).ToList();
        var done = tally.Expect(count);
        var watch = Stopwatch.StartNew();
        foreach (var batch in messages.Chunk(batchSize))
        {
            await Task.WhenAll(batch.Select(message => PublishAsync(message, ct)));
        }

        await done.WaitAsync(timeout, ct);
        return watch.Elapsed;
    }

    /// <summary>Publishes one change every <paramref name="interval"/> and returns publish-start → consumed, in ms.</summary>
    public async Task<IReadOnlyList<double>> LatenciesAsync(int count, TimeSpan interval, TimeSpan timeout, CancellationToken ct)
    {
        var done = tally.Expect(count);
        var sentAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        using var pace = new PeriodicTimer(interval);
        for (var i = 0; i < count; i++)
        {
            var message = Change(i);
            sentAt[message.EventId] = DateTimeOffset.UtcNow;
            await PublishAsync(message, ct);
            await pace.WaitForNextTickAsync(ct);
        }

        await done.WaitAsync(timeout, ct);
        return [.. sentAt.Select(sent => (tally.Arrivals[sent.Key] - sent.Value).TotalMilliseconds)];
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync();

    private Task PublishAsync(PingOneUserChanged message, CancellationToken ct) =>
        bus.Publish(message, (PublishContext<PingOneUserChanged> context) => context.Mandatory = true, ct);

    private static PingOneUserChanged Change(int i) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        EnvironmentId = EnvironmentId,
        UserId = Guid.NewGuid().ToString(),
        UserName = $"bare-{i}",
        Action = DirectoryChangeAction.Created,
        RecordedAt = DateTimeOffset.UtcNow,
    };
}
