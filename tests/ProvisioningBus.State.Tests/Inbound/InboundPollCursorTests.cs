using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Inbound;

public sealed class InboundPollCursorTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_rule_has_one_cursor_which_an_upsert_replaces_and_a_delete_forgets(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var t = test.Clock.GetUtcNow();
        var first = new InboundPollCursor("inbound", "hash-1", t.AddMinutes(-5), t, Guid.NewGuid(), t);
        var second = new InboundPollCursor("inbound", "hash-2", t.AddDays(1).AddMinutes(-5), t, Guid.NewGuid(), t.AddDays(1));

        Assert.Null(await test.Store.InboundPollCursors.GetAsync("inbound", test.Ct));
        await test.Store.InboundPollCursors.UpsertAsync(first, test.Ct);
        Assert.Equal(first, await test.Store.InboundPollCursors.GetAsync("inbound", test.Ct));
        await test.Store.InboundPollCursors.UpsertAsync(second, test.Ct);

        Assert.Equal(second, await test.Store.InboundPollCursors.GetAsync("inbound", test.Ct));
        Assert.Null(await test.Store.InboundPollCursors.GetAsync("other", test.Ct));
        Assert.True(await test.Store.InboundPollCursors.DeleteAsync("inbound", test.Ct));
        Assert.False(await test.Store.InboundPollCursors.DeleteAsync("inbound", test.Ct));
    }
}
