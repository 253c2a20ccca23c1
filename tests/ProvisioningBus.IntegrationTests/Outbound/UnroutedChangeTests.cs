using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Contracts;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>A change of an environment no rule takes is not dropped silently: the worker counts it, by reason.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class UnroutedChangeTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_user_change_of_a_foreign_environment_is_counted_as_unrouted()
    {
        // The meter is process-wide: this test's measurements are told apart by their own environment id.
        var foreign = Guid.NewGuid().ToString();
        var seen = new LockedCollection<(long Count, string? Resource, string? Reason)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Name == "provisioningbus.changes.unrouted")
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, count, tags, _) =>
        {
            var values = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                values[tag.Key] = tag.Value;
            }

            if (Equals(values.GetValueOrDefault("environment"), foreign))
            {
                seen.Add((count, values.GetValueOrDefault("resource") as string, values.GetValueOrDefault("reason") as string));
            }
        });
        listener.Start();
        await using var scenario = await OutboundScenario.StartAsync(broker);

        await scenario.Worker.Services.GetRequiredService<IBus>().Publish(new PingOneUserChanged
        {
            EventId = Guid.NewGuid().ToString(), EnvironmentId = foreign, UserId = Guid.NewGuid().ToString(), Action = DirectoryChangeAction.Updated, RecordedAt = DateTimeOffset.UtcNow,
        });

        var counted = await Eventually.MatchesAsync(() => seen.Snapshot(), measurements => measurements.Length > 0, TimeSpan.FromSeconds(30), "the unrouted change is counted");
        Assert.Equal((1L, "user", "foreign_environment"), Assert.Single(counted));
        Assert.DoesNotContain(scenario.Docusign.State.Requests, request => request.Path.Contains("/users", StringComparison.Ordinal) && request.Method != "GET");
    }
}
