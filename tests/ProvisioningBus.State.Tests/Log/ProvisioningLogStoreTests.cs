using ProvisioningBus.State.Log;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Log;

public sealed class ProvisioningLogStoreTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Entries_are_read_back_newest_first_with_every_field_filtered_and_paged(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var at = test.Clock.GetUtcNow();
        var created = Entry(at, "staff", "u1", "alice", "create", ProvisioningLogValues.Success) with
        {
            EventId = "event-1",
            TraceId = "0af7651916cd43dd8448eb211c80319c",
            ChangedAttributes = ["userName", "email", "firstName"],
            CallStatus = 201,
        };
        var failed = Entry(at.AddMinutes(1), "staff", "u2", "bob", "update", ProvisioningLogValues.Failed) with { ErrorCode = "INVALID_EMAIL_ADDRESS_FOR_USER", Message = "bad email" };
        var skipped = Entry(at.AddMinutes(2), "contractors", "u1", "alice", "skip", ProvisioningLogValues.Skipped) with { Reason = "not in scope" };

        await test.Store.ProvisioningLog.AppendManyAsync([created, failed, skipped], test.Ct);
        await test.Store.ProvisioningLog.AppendManyAsync([created], test.Ct);

        var all = await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(), test.Ct);
        Assert.Equal([skipped.Id, failed.Id, created.Id], all.Entries.Select(e => e.Id));
        Assert.Equal(created, all.Entries[2], new EntryComparer());
        Assert.Null(all.NextOffset);

        Assert.Equal([created.Id], Ids(await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(Rule: "staff", Entity: "alice"), test.Ct)));
        Assert.Equal([failed.Id], Ids(await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(Outcome: ProvisioningLogValues.Failed), test.Ct)));
        Assert.Equal([skipped.Id, created.Id], Ids(await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(Entity: "u1"), test.Ct)));
        Assert.Equal([failed.Id], Ids(await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(Since: at.AddMinutes(1), Until: at.AddMinutes(2)), test.Ct)));

        var first = await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(Limit: 2), test.Ct);
        Assert.Equal([skipped.Id, failed.Id], Ids(first));
        Assert.Equal(2, first.NextOffset);
        var second = await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(Offset: 2, Limit: 2), test.Ct);
        Assert.Equal([created.Id], Ids(second));
        Assert.Null(second.NextOffset);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_batch_larger_than_one_statement_is_written_whole_and_once(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var at = test.Clock.GetUtcNow();
        // More rows than one SQLite statement takes, and than one PostgreSQL statement takes: written in several.
        var entries = Enumerable.Range(0, 1_234).Select(i => Entry(at.AddMilliseconds(i), "bulk", $"u{i}", $"user {i}", "create", ProvisioningLogValues.Success)).ToList();

        await test.Store.ProvisioningLog.AppendManyAsync(entries, test.Ct);
        await test.Store.ProvisioningLog.AppendManyAsync(entries[..100], test.Ct);

        var ids = new List<string>();
        for (var offset = 0; ; offset += ProvisioningLogQuery.MaxLimit)
        {
            var page = await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery("bulk", Offset: offset, Limit: ProvisioningLogQuery.MaxLimit), test.Ct);
            ids.AddRange(page.Entries.Select(entry => entry.EntityId));
            if (page.NextOffset is null)
            {
                break;
            }
        }

        Assert.Equal(entries.Select(entry => entry.EntityId).Reverse(), ids);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Changes_are_counted_per_minute_and_outcome(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var minute = test.Clock.GetUtcNow();
        await test.Store.ProvisioningLog.AppendManyAsync(
        [
            Entry(minute.AddSeconds(1), "staff", "u1", "a", "create", ProvisioningLogValues.Success),
            Entry(minute.AddSeconds(59), "staff", "u2", "b", "create", ProvisioningLogValues.Success),
            Entry(minute.AddSeconds(30), "staff", "u3", "c", "create", ProvisioningLogValues.Failed),
            Entry(minute.AddMinutes(1), "staff", "u4", "d", "update", ProvisioningLogValues.Success),
            Entry(minute.AddMinutes(-5), "staff", "u5", "e", "update", ProvisioningLogValues.Success),
        ], test.Ct);

        var counts = await test.Store.ProvisioningLog.CountPerMinuteAsync(minute, test.Ct);

        Assert.Equal(
            [new OutcomeMinute(minute, ProvisioningLogValues.Failed, 1), new OutcomeMinute(minute, ProvisioningLogValues.Success, 2), new OutcomeMinute(minute.AddMinutes(1), ProvisioningLogValues.Success, 1)],
            counts);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_pruner_deletes_entries_older_than_the_retention(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var now = test.Clock.GetUtcNow();
        var old = Entry(now.AddDays(-31), "staff", "u1", "a", "create", ProvisioningLogValues.Success);
        var recent = Entry(now.AddDays(-29), "staff", "u2", "b", "create", ProvisioningLogValues.Success);
        await test.Store.ProvisioningLog.AppendManyAsync([old, recent], test.Ct);
        var pruner = new ProvisioningLogPruner(test.Store, new ProvisioningLogOptions(), test.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<ProvisioningLogPruner>.Instance);

        Assert.Equal(1, await pruner.PruneOnceAsync(test.Ct));

        Assert.Equal([recent.Id], Ids(await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(), test.Ct)));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_last_applied_change_is_the_newest_successful_write_of_a_worker(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var at = test.Clock.GetUtcNow();
        Assert.Null(await test.Store.ProvisioningLog.LastAppliedAtAsync("staff", test.Ct));
        await test.Store.ProvisioningLog.AppendManyAsync(
        [
            Entry(at, "staff", "u1", "a", "create", ProvisioningLogValues.Success),
            Entry(at.AddMinutes(1), "staff", "u1", "a", "unchanged", ProvisioningLogValues.Success),
            Entry(at.AddMinutes(2), "staff", "u2", "b", "update", ProvisioningLogValues.Failed),
            Entry(at.AddMinutes(3), "staff", "u3", "c", "skip", ProvisioningLogValues.Skipped),
            Entry(at.AddMinutes(4), "other", "u4", "d", "update", ProvisioningLogValues.Success),
            Entry(at.AddMinutes(5), "staff", "staff", "staff", "sync", ProvisioningLogValues.Success) with { Direction = ProvisioningLogValues.Operator },
        ], test.Ct);

        Assert.Equal(at, await test.Store.ProvisioningLog.LastAppliedAtAsync("staff", test.Ct));
    }

    internal static ProvisioningLogEntry Entry(DateTimeOffset at, string rule, string id, string name, string action, string outcome) =>
        new(at, rule, ProvisioningLogValues.Outbound, "user", id, name, action, outcome);

    private static IEnumerable<string> Ids(ProvisioningLogPage page) => page.Entries.Select(e => e.Id);

    /// <summary>Records compare lists by reference; this compares the attribute names by value.</summary>
    private sealed class EntryComparer : IEqualityComparer<ProvisioningLogEntry>
    {
        public bool Equals(ProvisioningLogEntry? x, ProvisioningLogEntry? y) =>
            x is not null && y is not null && x.ChangedAttributes.SequenceEqual(y.ChangedAttributes) && x with { ChangedAttributes = [] } == y with { ChangedAttributes = [] };

        public int GetHashCode(ProvisioningLogEntry obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
