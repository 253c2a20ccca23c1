using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Ledger;

public sealed class SyncLedgerTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private static EntityOutcome Outcome(EntityKind kind, int i, SyncOutcome outcome, DateTimeOffset at, string rule = "outbound") =>
        new(rule, kind, $"{kind}-{i}", $"{kind} {i}", outcome,
            outcome == SyncOutcome.Failed ? "INVALID_GROUP_ID" : null,
            outcome == SyncOutcome.Failed ? "The group id is invalid." : null,
            at);

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Five_users_with_creation_off_are_impacted_5_and_unsynced_5(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        for (var i = 0; i < 5; i++)
        {
            await test.Store.Ledger.RecordAsync(Outcome(EntityKind.User, i, SyncOutcome.Unsynced, test.Clock.GetUtcNow()), test.Ct);
        }

        var summary = await test.Store.Ledger.GetSummaryAsync("outbound", test.Ct);

        Assert.Equal(new OutcomeCounts(Impacted: 5, Success: 0, Unsynced: 5, PartiallySynced: 0, Failed: 0, Skipped: 0), summary.Users);
        Assert.Equal(OutcomeCounts.None, summary.Groups);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task One_user_updated_while_updates_are_off_is_partially_synced(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var created = test.Clock.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await test.Store.Ledger.RecordAsync(Outcome(EntityKind.User, i, SyncOutcome.Success, created), test.Ct);
        }

        await test.Store.Ledger.RecordAsync(Outcome(EntityKind.User, 3, SyncOutcome.PartiallySynced, created.AddMinutes(1)), test.Ct);

        var users = (await test.Store.Ledger.GetSummaryAsync("outbound", test.Ct)).Users;
        Assert.Equal(new OutcomeCounts(Impacted: 5, Success: 4, Unsynced: 0, PartiallySynced: 1, Failed: 0, Skipped: 0), users);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Five_groups_with_one_failed_membership_update_are_impacted_5_success_4_failed_1(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        for (var i = 0; i < 5; i++)
        {
            var outcome = i == 2 ? SyncOutcome.Failed : SyncOutcome.Success;
            await test.Store.Ledger.RecordAsync(Outcome(EntityKind.Group, i, outcome, test.Clock.GetUtcNow()), test.Ct);
        }

        await test.Store.Ledger.RecordAsync(Outcome(EntityKind.Group, 9, SyncOutcome.Failed, test.Clock.GetUtcNow(), rule: "other"), test.Ct);

        var summary = await test.Store.Ledger.GetSummaryAsync("outbound", test.Ct);
        Assert.Equal(new OutcomeCounts(Impacted: 5, Success: 4, Unsynced: 0, PartiallySynced: 0, Failed: 1, Skipped: 0), summary.Groups);
        Assert.Equal(OutcomeCounts.None, summary.Users);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Only_the_latest_outcome_per_entity_counts_and_an_older_one_is_ignored(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var t = test.Clock.GetUtcNow();
        await test.Store.Ledger.RecordAsync(Outcome(EntityKind.User, 1, SyncOutcome.Failed, t), test.Ct);
        Assert.True(await test.Store.Ledger.RecordAsync(Outcome(EntityKind.User, 1, SyncOutcome.Success, t.AddSeconds(1)), test.Ct));

        Assert.False(await test.Store.Ledger.RecordAsync(Outcome(EntityKind.User, 1, SyncOutcome.Failed, t.AddMilliseconds(500)), test.Ct));

        var latest = await test.Store.Ledger.GetAsync("outbound", EntityKind.User, "User-1", test.Ct);
        Assert.Equal(SyncOutcome.Success, latest?.Outcome);
        Assert.Null(latest?.ErrorCode);
        Assert.Equal(new OutcomeCounts(1, 1, 0, 0, 0, 0), (await test.Store.Ledger.GetSummaryAsync("outbound", test.Ct)).Users);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Failures_are_listed_newest_first_with_their_errors_up_to_the_limit(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var t = test.Clock.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            await test.Store.Ledger.RecordAsync(Outcome(EntityKind.User, i, SyncOutcome.Failed, t.AddMinutes(i)), test.Ct);
        }

        await test.Store.Ledger.RecordAsync(Outcome(EntityKind.Group, 7, SyncOutcome.Success, t.AddHours(1)), test.Ct);

        var failures = await test.Store.Ledger.ListFailuresAsync("outbound", 3, test.Ct);

        Assert.Equal(["User-3", "User-2", "User-1"], failures.Select(f => f.EntityId));
        Assert.All(failures, f => Assert.Equal(("INVALID_GROUP_ID", "The group id is invalid."), (f.ErrorCode, f.ErrorMessage)));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_forgotten_entity_is_no_longer_impacted(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.Ledger.RecordAsync(Outcome(EntityKind.User, 1, SyncOutcome.Skipped, test.Clock.GetUtcNow()), test.Ct);
        Assert.Equal(1, (await test.Store.Ledger.GetSummaryAsync("outbound", test.Ct)).Users.Skipped);

        Assert.True(await test.Store.Ledger.DeleteAsync("outbound", EntityKind.User, "User-1", test.Ct));

        Assert.Equal(OutcomeCounts.None, (await test.Store.Ledger.GetSummaryAsync("outbound", test.Ct)).Users);
    }
}
