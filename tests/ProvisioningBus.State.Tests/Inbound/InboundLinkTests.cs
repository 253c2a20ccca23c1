using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Inbound;

public sealed class InboundLinkTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Only_users_the_rule_provisioned_have_a_link(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var link = new InboundLink("inbound", "ds-1", "p1-1", test.Clock.GetUtcNow());

        await test.Store.InboundLinks.UpsertAsync(link, test.Ct);

        Assert.Equal(link, await test.Store.InboundLinks.GetAsync("inbound", "ds-1", test.Ct));
        Assert.Null(await test.Store.InboundLinks.GetAsync("inbound", "ds-2", test.Ct));
        Assert.Null(await test.Store.InboundLinks.GetAsync("other-inbound", "ds-1", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Upserting_replaces_the_PingOne_user_and_deleting_forgets_the_link(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var t = test.Clock.GetUtcNow();
        await test.Store.InboundLinks.UpsertAsync(new InboundLink("inbound", "ds-1", "p1-old", t), test.Ct);
        await test.Store.InboundLinks.UpsertAsync(new InboundLink("inbound", "ds-1", "p1-new", t.AddDays(1)), test.Ct);
        await test.Store.InboundLinks.UpsertAsync(new InboundLink("inbound", "ds-2", "p1-2", t), test.Ct);

        Assert.Equal(
            [new InboundLink("inbound", "ds-1", "p1-new", t.AddDays(1)), new InboundLink("inbound", "ds-2", "p1-2", t)],
            await test.Store.InboundLinks.ListByRuleAsync("inbound", test.Ct).ToListAsync(test.Ct));

        Assert.True(await test.Store.InboundLinks.DeleteAsync("inbound", "ds-1", test.Ct));
        Assert.False(await test.Store.InboundLinks.DeleteAsync("inbound", "ds-1", test.Ct));
        Assert.Single(await test.Store.InboundLinks.ListByRuleAsync("inbound", test.Ct).ToListAsync(test.Ct));
    }
}
