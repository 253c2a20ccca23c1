using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Inbound;

public sealed class InboundSnapshotTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private static SnapshotRow Row(string id, string version = "1") =>
        new(id, $"hash-{id}-{version}", $$"""{"userName":"{{id}}","v":"{{version}}"}""");

    private static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
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

        Assert.Equal(0, await test.Store.InboundSnapshots.ReplaceAsync("inbound", Stream<SnapshotRow>([]), test.Ct));
        Assert.Equal(2, await test.Store.InboundSnapshots.DeleteAsync("other", test.Ct));

        Assert.Equal(0, await test.Store.InboundSnapshots.CountAsync("inbound", test.Ct));
        Assert.Empty(await test.Store.InboundSnapshots.ReadOrderedAsync("other", test.Ct).ToListAsync(test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Applied_writes_add_change_and_remove_rows_across_batches_and_leave_other_rules(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var previous = Shuffled(1_600, "1");
        await test.Store.InboundSnapshots.ReplaceAsync("inbound", Stream(previous), test.Ct);
        await test.Store.InboundSnapshots.ReplaceAsync("other", Stream(previous.Take(3)), test.Ct);
        // More than a batch of each kind, interleaved as a diff yields them.
        var changed = previous.Take(600).Select(r => Row(r.DocusignUserId, "2")).ToList();
        var removed = previous.Skip(600).Take(550).ToList();
        var added = Shuffled(700, "1");
        var writes = changed.Select(SnapshotWrite.Put)
            .Zip(removed.Select(r => SnapshotWrite.Remove(r.DocusignUserId)), (put, remove) => new[] { put, remove })
            .SelectMany(pair => pair)
            .Concat(changed.Skip(550).Select(SnapshotWrite.Put))
            .Concat(added.Select(SnapshotWrite.Put));

        Assert.Equal(600 + 550 + 700, await test.Store.InboundSnapshots.ApplyAsync("inbound", Stream(writes), test.Ct));

        var expected = changed.Concat(previous.Skip(1_150)).Concat(added).OrderBy(r => r.DocusignUserId, SnapshotRow.IdOrder);
        Assert.Equal(expected, await test.Store.InboundSnapshots.ReadOrderedAsync("inbound", test.Ct).ToListAsync(test.Ct));
        Assert.Equal(previous.Take(3).OrderBy(r => r.DocusignUserId, SnapshotRow.IdOrder), await test.Store.InboundSnapshots.ReadOrderedAsync("other", test.Ct).ToListAsync(test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Writes_that_fail_part_way_keep_the_previous_snapshot(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var previous = Shuffled(1_200, "1");
        await test.Store.InboundSnapshots.ReplaceAsync("inbound", Stream(previous), test.Ct);

        // Two full batches of each kind are written before the source fails.
        var writes = previous.Take(1_100).Select(r => SnapshotWrite.Put(Row(r.DocusignUserId, "2")))
            .Concat(previous.Skip(100).Take(1_100).Select(r => SnapshotWrite.Remove(r.DocusignUserId)));
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            test.Store.InboundSnapshots.ApplyAsync("inbound", FailAfter(writes, 2_100), test.Ct));

        var read = await test.Store.InboundSnapshots.ReadOrderedAsync("inbound", test.Ct).ToListAsync(test.Ct);
        Assert.Equal(previous.OrderBy(r => r.DocusignUserId, SnapshotRow.IdOrder), read);
    }

    private static async IAsyncEnumerable<T> FailAfter<T>(IEnumerable<T> items, int count)
    {
        await foreach (var item in Stream(items.Take(count)))
        {
            yield return item;
        }

        throw new HttpRequestException("Docusign paging failed");
    }
}
