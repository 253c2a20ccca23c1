using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Rules;

public sealed class RuleStateTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_rule_state_with_every_optional_field_reads_back_unchanged(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var state = new RuleState(
            "inbound", RuleDirection.Inbound, "sha256:abc", test.Clock.GetUtcNow(),
            new TimeOnly(9, 41, 7, 250), test.Clock.GetUtcNow().AddHours(1),
            Guid.NewGuid(), "would delete 40 of 100 users (threshold 10%)");

        await test.Store.RuleStates.UpsertAsync(state, test.Ct);

        Assert.Equal(state, await test.Store.RuleStates.GetAsync("inbound", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Upserting_a_rule_state_replaces_it_including_cleared_fields(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var held = new RuleState("inbound", RuleDirection.Inbound, "h1", test.Clock.GetUtcNow(), new TimeOnly(9, 0), null, Guid.NewGuid(), "held");
        await test.Store.RuleStates.UpsertAsync(held, test.Ct);

        var approved = held with { ConfigHash = "h2", PendingApprovalSnapshotId = null, PendingApprovalReason = null, LastSyncAt = test.Clock.GetUtcNow() };
        await test.Store.RuleStates.UpsertAsync(approved, test.Ct);

        Assert.Equal(approved, await test.Store.RuleStates.GetAsync("inbound", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Rules_are_listed_by_name_and_a_deleted_one_disappears(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        foreach (var name in new[] { "zeta", "alpha", "mid" })
        {
            await test.Store.RuleStates.UpsertAsync(
                new RuleState(name, RuleDirection.Outbound, "h", test.Clock.GetUtcNow(), null, null, null, null), test.Ct);
        }

        Assert.True(await test.Store.RuleStates.DeleteAsync("mid", test.Ct));
        Assert.False(await test.Store.RuleStates.DeleteAsync("mid", test.Ct));

        var rules = await test.Store.RuleStates.ListAsync(test.Ct);
        Assert.Equal(["alpha", "zeta"], rules.Select(r => r.Rule));
    }
}
