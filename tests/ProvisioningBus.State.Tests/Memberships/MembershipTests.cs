using ProvisioningBus.State.Memberships;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Memberships;

public sealed class MembershipTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Adding_a_membership_twice_records_it_once(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var membership = new AppliedMembership("outbound", "g-1", "u-1");

        Assert.True(await test.Store.Memberships.AddAsync(membership, test.Ct));
        Assert.False(await test.Store.Memberships.AddAsync(membership, test.Ct));

        Assert.True(await test.Store.Memberships.ExistsAsync(membership, test.Ct));
        Assert.False(await test.Store.Memberships.ExistsAsync(membership with { Rule = "other" }, test.Ct));
        Assert.Equal([membership], await test.Store.Memberships.ListByGroupAsync("outbound", "g-1", test.Ct).ToListAsync(test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Removing_a_membership_forgets_only_that_one(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        foreach (var user in new[] { "u-1", "u-2", "u-3" })
        {
            await test.Store.Memberships.AddAsync(new AppliedMembership("outbound", "g-1", user), test.Ct);
        }

        Assert.True(await test.Store.Memberships.RemoveAsync(new AppliedMembership("outbound", "g-1", "u-2"), test.Ct));
        Assert.False(await test.Store.Memberships.RemoveAsync(new AppliedMembership("outbound", "g-1", "u-2"), test.Ct));

        var members = await test.Store.Memberships.ListByGroupAsync("outbound", "g-1", test.Ct).ToListAsync(test.Ct);
        Assert.Equal(["u-1", "u-3"], members.Select(m => m.PingOneUserId));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Forgetting_a_user_or_a_group_removes_all_their_memberships(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        foreach (var (group, user) in new[] { ("g-1", "u-1"), ("g-2", "u-1"), ("g-2", "u-2"), ("g-3", "u-3") })
        {
            await test.Store.Memberships.AddAsync(new AppliedMembership("outbound", group, user), test.Ct);
        }

        Assert.Equal(2, await test.Store.Memberships.RemoveAllForUserAsync("outbound", "u-1", test.Ct));
        Assert.Equal(1, await test.Store.Memberships.RemoveAllForGroupAsync("outbound", "g-2", test.Ct));

        Assert.Empty(await test.Store.Memberships.ListByGroupAsync("outbound", "g-1", test.Ct).ToListAsync(test.Ct));
        Assert.Empty(await test.Store.Memberships.ListByGroupAsync("outbound", "g-2", test.Ct).ToListAsync(test.Ct));
        Assert.Single(await test.Store.Memberships.ListByGroupAsync("outbound", "g-3", test.Ct).ToListAsync(test.Ct));
    }
}
