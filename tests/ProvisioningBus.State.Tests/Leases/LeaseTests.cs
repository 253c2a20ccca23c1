using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Leases;

public sealed class LeaseTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_held_lease_cannot_be_taken_by_another_holder(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var other = test.Open();

        Assert.True(await test.Store.Leases.TryAcquireAsync("snapshot-poller", "instance-a", Ttl, test.Ct));
        test.Clock.Advance(Ttl - TimeSpan.FromMilliseconds(1));

        Assert.False(await other.Leases.TryAcquireAsync("snapshot-poller", "instance-b", Ttl, test.Ct));
        Assert.True(await other.Leases.TryAcquireAsync("another-lease", "instance-b", Ttl, test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task An_expired_lease_is_taken_over_and_its_old_holder_can_no_longer_renew_it(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.Leases.TryAcquireAsync("snapshot-poller", "instance-a", Ttl, test.Ct);
        test.Clock.Advance(Ttl);

        Assert.True(await test.Store.Leases.TryAcquireAsync("snapshot-poller", "instance-b", Ttl, test.Ct));

        Assert.False(await test.Store.Leases.RenewAsync("snapshot-poller", "instance-a", Ttl, test.Ct));
        Assert.False(await test.Store.Leases.TryAcquireAsync("snapshot-poller", "instance-a", Ttl, test.Ct));
        Assert.False(await test.Store.Leases.ReleaseAsync("snapshot-poller", "instance-a", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Renewing_extends_the_lease_from_now(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.Leases.TryAcquireAsync("snapshot-poller", "instance-a", Ttl, test.Ct);
        test.Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.True(await test.Store.Leases.RenewAsync("snapshot-poller", "instance-a", Ttl, test.Ct));
        test.Clock.Advance(TimeSpan.FromSeconds(20)); // 40 s after acquiring, 20 s after renewing

        Assert.False(await test.Store.Leases.TryAcquireAsync("snapshot-poller", "instance-b", Ttl, test.Ct));
        Assert.True(await test.Store.Leases.TryAcquireAsync("snapshot-poller", "instance-a", Ttl, test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_released_lease_is_free_at_once_but_only_its_holder_can_release_it(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.Leases.TryAcquireAsync("user:outbound:p-1", "instance-a", Ttl, test.Ct);

        Assert.False(await test.Store.Leases.ReleaseAsync("user:outbound:p-1", "instance-b", test.Ct));
        Assert.True(await test.Store.Leases.ReleaseAsync("user:outbound:p-1", "instance-a", test.Ct));

        Assert.True(await test.Store.Leases.TryAcquireAsync("user:outbound:p-1", "instance-b", Ttl, test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Of_many_instances_racing_for_a_free_lease_exactly_one_gets_it(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var instances = Enumerable.Range(0, 8).Select(_ => test.Open()).ToList();

        var results = await Task.WhenAll(instances.Select((store, i) =>
            Task.Run(() => store.Leases.TryAcquireAsync("snapshot-poller", $"instance-{i}", Ttl, test.Ct))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Of_many_instances_racing_for_an_expired_lease_exactly_one_takes_it_over(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.Leases.TryAcquireAsync("snapshot-poller", "dead-instance", Ttl, test.Ct);
        test.Clock.Advance(Ttl + TimeSpan.FromSeconds(1));
        var instances = Enumerable.Range(0, 8).Select(_ => test.Open()).ToList();

        var results = await Task.WhenAll(instances.Select((store, i) =>
            Task.Run(() => store.Leases.TryAcquireAsync("snapshot-poller", $"instance-{i}", Ttl, test.Ct))));

        Assert.Equal(1, results.Count(r => r));
    }
}
