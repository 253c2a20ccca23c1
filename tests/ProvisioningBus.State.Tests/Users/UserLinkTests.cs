using ProvisioningBus.State.Tests.Infrastructure;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.State.Tests.Users;

public sealed class UserLinkTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static UserLink Link(string docusignId, DateTimeOffset version, string rule = "outbound") =>
        new(rule, "p-1", docusignId, "ann@example.com", "hash-" + docusignId, version, version.AddSeconds(1));

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task An_upserted_link_reads_back_unchanged(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var link = Link("d-1", T0.AddTicks(1230)); // microsecond precision survives

        Assert.True(await test.Store.UserLinks.UpsertAsync(link, test.Ct));

        Assert.Equal(link, await test.Store.UserLinks.GetAsync("outbound", "p-1", test.Ct));
        Assert.Null(await test.Store.UserLinks.GetAsync("other-rule", "p-1", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task An_older_event_does_not_overwrite_a_newer_link(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var newer = Link("d-new", T0.AddMinutes(5));
        await test.Store.UserLinks.UpsertAsync(newer, test.Ct);

        var applied = await test.Store.UserLinks.UpsertAsync(Link("d-old", T0), test.Ct);

        Assert.False(applied);
        Assert.Equal(newer, await test.Store.UserLinks.GetAsync("outbound", "p-1", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_newer_or_redelivered_event_overwrites_the_link(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.UserLinks.UpsertAsync(Link("d-1", T0), test.Ct);

        Assert.True(await test.Store.UserLinks.UpsertAsync(Link("d-1", T0), test.Ct));
        var newer = Link("d-2", T0.AddMilliseconds(1));
        Assert.True(await test.Store.UserLinks.UpsertAsync(newer, test.Ct));

        Assert.Equal(newer, await test.Store.UserLinks.GetAsync("outbound", "p-1", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Deleting_a_link_removes_only_that_link(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.UserLinks.UpsertAsync(Link("d-1", T0), test.Ct);
        await test.Store.UserLinks.UpsertAsync(Link("d-1", T0, rule: "other"), test.Ct);

        Assert.True(await test.Store.UserLinks.DeleteAsync("outbound", "p-1", test.Ct));
        Assert.False(await test.Store.UserLinks.DeleteAsync("outbound", "p-1", test.Ct));

        Assert.Null(await test.Store.UserLinks.GetAsync("outbound", "p-1", test.Ct));
        Assert.NotNull(await test.Store.UserLinks.GetAsync("other", "p-1", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Listing_by_rule_streams_every_link_of_that_rule_only(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        for (var i = 0; i < 25; i++)
        {
            await test.Store.UserLinks.UpsertAsync(Link("d", T0) with { PingOneUserId = $"p-{i:D2}" }, test.Ct);
        }

        await test.Store.UserLinks.UpsertAsync(Link("d", T0, rule: "other"), test.Ct);

        var links = await test.Store.UserLinks.ListByRuleAsync("outbound", test.Ct).ToListAsync(test.Ct);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"p-{i:D2}"), links.Select(l => l.PingOneUserId));
        Assert.All(links, l => Assert.Equal("outbound", l.Rule));
    }
}
