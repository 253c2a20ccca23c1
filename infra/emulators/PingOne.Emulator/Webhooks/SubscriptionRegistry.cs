using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PingOne.Emulator.Activities;
using PingOne.Emulator.Directory;
using PingOne.Emulator.Hosting;

namespace PingOne.Emulator.Webhooks;

/// <summary>The environment's webhook subscriptions and their delivery loops.</summary>
internal sealed class SubscriptionRegistry(
    ActivityLog log,
    DeliveryClients clients,
    PingOneEmulatorOptions options,
    TimeProvider time,
    ILogger logger) : IAsyncDisposable
{
    /// <summary>"The service supports a maximum of 50 subscriptions" (fact sheet §1.1).</summary>
    private const int MaximumSubscriptions = 50;

    private readonly ConcurrentDictionary<string, SubscriptionDelivery> _deliveries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ChangeSignal Progress { get; } = new();

    public IReadOnlyList<SubscriptionDelivery> All() => [.. _deliveries.Values.OrderBy(d => d.Definition.CreatedAt)];

    public SubscriptionDelivery? Find(string id) => _deliveries.GetValueOrDefault(id);

    /// <summary>New subscriptions receive events recorded after they were created, as PingOne's do.</summary>
    public SubscriptionDelivery Create(SubscriptionDefinition definition)
    {
        lock (_gate)
        {
            if (_deliveries.Count >= MaximumSubscriptions)
            {
                throw new EmulatorApiException(403, "REQUEST_LIMITED", "The service supports a maximum of 50 subscriptions.");
            }

            var delivery = new SubscriptionDelivery(definition, log.LastSequence, log, clients, options, time, Progress, logger);
            _deliveries[definition.Id] = delivery;
            delivery.Start();
            return delivery;
        }
    }

    public SubscriptionDelivery Replace(SubscriptionDefinition definition)
    {
        var delivery = Find(definition.Id) ?? throw EmulatorApiException.NotFound($"subscription with id {definition.Id}");
        delivery.Replace(definition);
        return delivery;
    }

    public async Task DeleteAsync(string id)
    {
        if (!_deliveries.TryRemove(id, out var delivery))
        {
            throw EmulatorApiException.NotFound($"subscription with id {id}");
        }

        await delivery.DisposeAsync();
        Progress.Pulse();
    }

    /// <summary>True when every enabled subscription is done with every recorded event.</summary>
    public bool AllCaughtUp(out string pending)
    {
        var last = log.LastSequence;
        var behind = _deliveries.Values.Where(d => d.Definition.Enabled && d.Cursor < last).ToList();
        pending = string.Join(
            "; ",
            behind.Select(d => $"{d.Definition.Name}: through {d.Cursor} of {last}, {d.FailedPosts} failed posts"));
        return behind.Count == 0;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var delivery in _deliveries.Values)
        {
            await delivery.DisposeAsync();
        }

        _deliveries.Clear();
    }
}
