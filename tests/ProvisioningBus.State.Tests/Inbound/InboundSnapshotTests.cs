using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Inbound;

public sealed class InboundSnapshotTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private static SnapshotRow Row(string id, string version = "1") =>
        new(id, $"hash-{id}-{version}", $$"""{"userName":"{{id}}","v":"{{version}}"}""");

    private static async IAsyncEnumerable<SnapshotRow> Stream(IEnumerable<SnapshotRow> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static List<SnapshotRow> Shuffled(int count, string version)
    {
        var rows = Enumerable.Range(0, count).Select(i => Row(Guid.NewGuid().ToString(), version)).ToList();
        new Random(count).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        return rows;
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Ten_thousand_rows_replace_the_snapshot_and_stream_back_in_ordinal_id_order(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var rows = Shuffled(10_000, "1");

        Assert.Equal(10_000, await test.Store.InboundSnapshots.ReplaceAsync("inbound", Stream(rows), test.Ct));

        var read = await test.Store.InboundSnapshots.ReadOrderedAsync("inbound", test.Ct).ToListAsync(test.Ct);
        Assert.Equal(rows.OrderBy(r => r.DocusignUserId, SnapshotRow.IdOrder), read);
        Assert.Equal(10_000, await test.Store.InboundSnapshots.CountAsync("inbound", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Ids_differing_only_in_case_and_punctuation_stream_in_ordinal_not_linguistic_order(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        string[] ids = ["b", "B", "a", "_x", "A", "a-1", "a1", "Z"];

        await test.Store.InboundSnapshots.ReplaceAsync("inbound", Stream(ids.Select(i => Row(i))), test.Ct);

        var read = await test.Store.InboundSnapshots.ReadOrderedAsync("inbound", test.Ct).ToListAsync(test.Ct);
        Assert.Equal(ids.Order(SnapshotRow.IdOrder), read.Select(r => r.DocusignUserId));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Replacing_a_snapshot_removes_rows_absent_from_the_new_one_and_leaves_other_rules(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.InboundSnapshots.ReplaceAsync("inbound", Stream([Row("u1"), Row("u2"), Row("u3")]), test.Ct);
        await test.Store.InboundSnapshots.ReplaceAsync("other", Stream([Row("u1")]), test.Ct);

        await test.Store.InboundSnapshots.ReplaceAsync("inbound", Stream([Row("u3", "2"), Row("u4")]), test.Ct);

        Assert.Equal([Row("u3", "2"), Row("u4")], await test.Store.InboundSnapshots.ReadOrderedAsync("inbound", test.Ct).ToListAsync(test.Ct));
        Assert.Equal([Row("u1")], await test.Store.InboundSnapshots.ReadOrderedAsync("other", test.Ct).ToListAsync(test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_replacement_that_fails_part_way_keeps_the_previous_snapshot(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var previous = Shuffled(700, "1");
        await test.Store.InboundSnapshots.ReplaceAsync("inbound", Stream(previous), test.Ct);

        // More than one batch is written before the source fails, so a non-transactional replace would show it.
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            test.Store.InboundSnapshots.ReplaceAsync("inbound", FailAfter(Shuffled(1_200, "2"), 1_100), test.Ct));

        var read = await test.Store.InboundSnapshots.ReadOrderedAsync("inbound", test.Ct).ToListAsync(test.Ct);
        Assert.Equal(previous.OrderBy(r => r.DocusignUserId, SnapshotRow.IdOrder), read);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task An_empty_replacement_or_a_delete_clears_the_snapshot(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.InboundSnapshots.ReplaceAsync("inbound", Stream([Row("u1")]), test.Ct);
        await test.Store.InboundSnapshots.ReplaceAsync("other", Stream([Row("u1"), Row("u2")]), test.Ct);

        Assert.Equal(0, await test.Store.InboundSnapshots.ReplaceAsync("inbound", Stream([]), test.Ct));
        Assert.Equal(2, await test.Store.InboundSnapshots.DeleteAsync("other", test.Ct));

        Assert.Equal(0, await test.Store.InboundSnapshots.CountAsync("inbound", test.Ct));
        Assert.Empty(await test.Store.InboundSnapshots.ReadOrderedAsync("other", test.Ct).ToListAsync(test.Ct));
    }

    private static async IAsyncEnumerable<SnapshotRow> FailAfter(IEnumerable<SnapshotRow> rows, int count)
    {
        await foreach (var row in Stream(rows.Take(count)))
        {
            yield return row;
        }

        throw new HttpRequestException("Docusign paging failed");
    }
}
