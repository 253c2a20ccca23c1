using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Idempotency;

public sealed class ProcessedEventTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task An_event_is_marked_once_per_consumer(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);

        Assert.True(await test.Store.ProcessedEvents.TryMarkProcessedAsync("user-changes", "evt-1", test.Ct));
        Assert.False(await test.Store.ProcessedEvents.TryMarkProcessedAsync("user-changes", "evt-1", test.Ct));
        Assert.False(await test.Open().ProcessedEvents.TryMarkProcessedAsync("user-changes", "evt-1", test.Ct));

        Assert.True(await test.Store.ProcessedEvents.TryMarkProcessedAsync("group-changes", "evt-1", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task An_unmarked_event_can_be_processed_again(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.ProcessedEvents.TryMarkProcessedAsync("user-changes", "evt-1", test.Ct);

        Assert.True(await test.Store.ProcessedEvents.UnmarkAsync("user-changes", "evt-1", test.Ct));

        Assert.True(await test.Store.ProcessedEvents.TryMarkProcessedAsync("user-changes", "evt-1", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Purging_forgets_only_events_older_than_the_age(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.ProcessedEvents.TryMarkProcessedAsync("user-changes", "old", test.Ct);
        test.Clock.Advance(TimeSpan.FromDays(6));
        await test.Store.ProcessedEvents.TryMarkProcessedAsync("user-changes", "recent", test.Ct);
        test.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await test.Store.ProcessedEvents.PurgeOlderThanAsync(TimeSpan.FromDays(7), test.Ct));

        Assert.True(await test.Store.ProcessedEvents.TryMarkProcessedAsync("user-changes", "old", test.Ct));
        Assert.False(await test.Store.ProcessedEvents.TryMarkProcessedAsync("user-changes", "recent", test.Ct));
    }
}
