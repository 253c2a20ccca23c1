using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Rules;

public sealed class RuleEndpointTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_first_recorded_endpoint_stays_until_the_rule_is_deleted(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var first = new RuleEndpoint("people", RuleDirection.Outbound, "demo", test.Clock.GetUtcNow());

        var recorded = await test.Store.RuleEndpoints.RecordIfAbsentAsync(first, test.Ct);
        var again = await test.Store.RuleEndpoints.RecordIfAbsentAsync(first with { Connection = "other", RecordedAt = test.Clock.GetUtcNow().AddHours(1) }, test.Ct);

        Assert.Equal(first, recorded);
        Assert.Equal(first, again);
        Assert.Equal([first], await test.Store.RuleEndpoints.ListAsync(test.Ct));
        Assert.True(await test.Store.RuleEndpoints.DeleteAsync("people", test.Ct));
        var renewed = await test.Store.RuleEndpoints.RecordIfAbsentAsync(first with { Connection = "other" }, test.Ct);
        Assert.Equal("other", renewed.Connection);
    }
}
