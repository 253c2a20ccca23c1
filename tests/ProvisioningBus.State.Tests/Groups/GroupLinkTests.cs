using ProvisioningBus.State.Groups;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Groups;

public sealed class GroupLinkTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_renamed_group_link_keeps_one_row_with_the_new_name(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var now = test.Clock.GetUtcNow();
        await test.Store.GroupLinks.UpsertAsync(new GroupLink("outbound", "g-1", "dg-1", "Sales", now), test.Ct);

        var renamed = new GroupLink("outbound", "g-1", "dg-1", "Sales EMEA", now.AddMinutes(1));
        await test.Store.GroupLinks.UpsertAsync(renamed, test.Ct);

        Assert.Equal(renamed, await test.Store.GroupLinks.GetAsync("outbound", "g-1", test.Ct));
        Assert.Equal([renamed], await test.Store.GroupLinks.ListByRuleAsync("outbound", test.Ct).ToListAsync(test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Deleting_a_group_link_leaves_other_groups_and_rules(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var now = test.Clock.GetUtcNow();
        await test.Store.GroupLinks.UpsertAsync(new GroupLink("outbound", "g-1", "dg-1", "Sales", now), test.Ct);
        await test.Store.GroupLinks.UpsertAsync(new GroupLink("outbound", "g-2", "dg-2", "Legal", now), test.Ct);
        await test.Store.GroupLinks.UpsertAsync(new GroupLink("other", "g-1", "dg-9", "Sales", now), test.Ct);

        Assert.True(await test.Store.GroupLinks.DeleteAsync("outbound", "g-1", test.Ct));
        Assert.False(await test.Store.GroupLinks.DeleteAsync("outbound", "g-1", test.Ct));

        var remaining = await test.Store.GroupLinks.ListByRuleAsync("outbound", test.Ct).ToListAsync(test.Ct);
        Assert.Equal(["g-2"], remaining.Select(g => g.PingOneGroupId));
        Assert.Equal("dg-9", (await test.Store.GroupLinks.GetAsync("other", "g-1", test.Ct))?.DocusignGroupId);
    }
}
