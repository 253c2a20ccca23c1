using ProvisioningBus.State.Parking;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Parking;

public sealed class ParkedEventStoreTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_redelivered_batch_parks_each_event_once_and_a_replayed_event_stops_waiting(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var parked = new[] { Parked("d1", 0, test.Clock.GetUtcNow()), Parked("d1", 3, test.Clock.GetUtcNow()) };

        await test.Store.ParkedEvents.ParkAsync(parked, test.Ct);
        await test.Store.ParkedEvents.ParkAsync(parked, test.Ct);

        Assert.Equal(2, await test.Store.ParkedEvents.CountWaitingAsync(test.Ct));
        var stored = await test.Store.ParkedEvents.GetAsync("d1-3", test.Ct);
        Assert.Equal(parked[1], stored);

        Assert.True(await test.Store.ParkedEvents.MarkReplayedAsync("d1-3", test.Ct));
        Assert.False(await test.Store.ParkedEvents.MarkReplayedAsync("nope", test.Ct));
        Assert.Equal(1, await test.Store.ParkedEvents.CountWaitingAsync(test.Ct));
        Assert.Equal(["d1-0"], (await test.Store.ParkedEvents.ListAsync(includeReplayed: false, 10, test.Ct)).Select(e => e.Id));
        Assert.Equal(2, (await test.Store.ParkedEvents.ListAsync(includeReplayed: true, 10, test.Ct)).Count);
    }

    private static ParkedEvent Parked(string delivery, int index, DateTimeOffset at) =>
        new($"{delivery}-{index}", delivery, index, $"event-{index}", "USER.CREATED", "resources is missing (event " + index + ")", "{\"id\":\"event-" + index + "\"}", at, null);
}
