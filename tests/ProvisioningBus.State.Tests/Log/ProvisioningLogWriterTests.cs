using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Log;

public sealed class ProvisioningLogWriterTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Every_outcome_the_ledger_records_reaches_the_log_through_the_background_writer(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var options = new ProvisioningLogOptions();
        var queue = new ProvisioningLogQueue(options);
        var store = test.Open(log: queue);
        var writer = new ProvisioningLogWriter(queue, store, options, test.Clock, NullLogger<ProvisioningLogWriter>.Instance);
        await writer.StartAsync(test.Ct);
        var at = test.Clock.GetUtcNow();

        using (var activity = new Activity("consume").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await store.Ledger.RecordAsync(
                new EntityOutcome("staff", EntityKind.User, "u1", "alice", SyncOutcome.Success, null, null, at)
                {
                    Change = new ChangeDetail("update") { ChangedAttributes = ["jobTitle"], EventId = "event-1" },
                },
                test.Ct);
            await store.Ledger.RecordManyAsync([new EntityOutcome("staff", EntityKind.Group, "g1", "Sales", SyncOutcome.Failed, "GROUP_NAME_TAKEN", "taken", at)], test.Ct);
            await store.Ledger.ForgetManyAsync([new EntityOutcome("staff", EntityKind.User, "u2", "bob", SyncOutcome.Skipped, null, "not in scope", at)], test.Ct);

            var entries = await WaitForAsync(store, 3, test.Ct);

            var trace = activity.TraceId.ToHexString();
            var update = Assert.Single(entries, e => e.EntityId == "u1");
            Assert.Equal(("update", ProvisioningLogValues.Success, "event-1", trace, "user", ProvisioningLogValues.Outbound), (update.Action, update.Outcome, update.EventId, update.TraceId, update.EntityType, update.Direction));
            Assert.Equal(["jobTitle"], update.ChangedAttributes);
            var failed = Assert.Single(entries, e => e.EntityId == "g1");
            Assert.Equal(("apply", ProvisioningLogValues.Failed, "GROUP_NAME_TAKEN", "taken", "group"), (failed.Action, failed.Outcome, failed.ErrorCode, failed.Message, failed.EntityType));
            var skipped = Assert.Single(entries, e => e.EntityId == "u2");
            Assert.Equal(("skip", ProvisioningLogValues.Skipped, "not in scope"), (skipped.Action, skipped.Outcome, skipped.Reason));
        }

        Assert.Null(await store.Ledger.GetAsync("staff", EntityKind.User, "u2", test.Ct));
        await writer.StopAsync(test.Ct);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Entries_still_queued_at_shutdown_are_written_before_the_writer_stops(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var options = new ProvisioningLogOptions();
        var queue = new ProvisioningLogQueue(options);
        var writer = new ProvisioningLogWriter(queue, test.Store, options, test.Clock, NullLogger<ProvisioningLogWriter>.Instance);
        var at = test.Clock.GetUtcNow();
        for (var i = 0; i < 1200; i++)
        {
            await queue.EnqueueAsync(ProvisioningLogStoreTests.Entry(at, "staff", $"u{i}", $"user {i}", "create", ProvisioningLogValues.Success), test.Ct);
        }

        // Never started: everything is still queued when the host stops it.
        await writer.StopAsync(test.Ct);

        var page = await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(Limit: ProvisioningLogQuery.MaxLimit), test.Ct);
        Assert.Equal(ProvisioningLogQuery.MaxLimit, page.Entries.Count);
        Assert.Equal(ProvisioningLogQuery.MaxLimit, page.NextOffset);
        Assert.Equal(200, (await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(Offset: 1000, Limit: ProvisioningLogQuery.MaxLimit), test.Ct)).Entries.Count);
    }

    [Fact]
    public async Task A_full_queue_makes_the_worker_wait_instead_of_dropping_the_entry()
    {
        await using var test = await TestStore.CreateAsync(StoreEngine.Sqlite, postgres);
        var options = new ProvisioningLogOptions { QueueCapacity = 1 };
        var queue = new ProvisioningLogQueue(options);
        var at = test.Clock.GetUtcNow();
        await queue.EnqueueAsync(ProvisioningLogStoreTests.Entry(at, "staff", "u1", "a", "create", ProvisioningLogValues.Success), test.Ct);

        var second = queue.EnqueueAsync(ProvisioningLogStoreTests.Entry(at, "staff", "u2", "b", "create", ProvisioningLogValues.Success), test.Ct).AsTask();
        Assert.False(second.IsCompleted, "the queue holds one entry: the second waits for the writer");

        var writer = new ProvisioningLogWriter(queue, test.Store, options, test.Clock, NullLogger<ProvisioningLogWriter>.Instance);
        await writer.StartAsync(test.Ct);
        await second.WaitAsync(TimeSpan.FromSeconds(30), test.Ct);
        await writer.StopAsync(test.Ct);

        Assert.Equal(2, (await test.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(), test.Ct)).Entries.Count);
    }

    [Fact]
    public async Task With_the_log_disabled_the_ledger_records_outcomes_and_the_log_stays_empty()
    {
        await using var test = await TestStore.CreateAsync(StoreEngine.Sqlite, postgres);
        var options = new ProvisioningLogOptions { Enabled = false };
        var queue = new ProvisioningLogQueue(options);
        var store = test.Open(log: queue);
        var writer = new ProvisioningLogWriter(queue, store, options, test.Clock, NullLogger<ProvisioningLogWriter>.Instance);

        await store.Ledger.RecordAsync(new EntityOutcome("staff", EntityKind.User, "u1", "alice", SyncOutcome.Success, null, null, test.Clock.GetUtcNow()), test.Ct);
        await writer.StopAsync(test.Ct);

        Assert.NotNull(await store.Ledger.GetAsync("staff", EntityKind.User, "u1", test.Ct));
        Assert.Empty((await store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(), test.Ct)).Entries);
    }

    [Fact]
    public void A_disabled_log_queues_nothing_and_bad_settings_name_their_key()
    {
        Assert.Empty(new ProvisioningLogOptions().Validate());
        var errors = new ProvisioningLogOptions { Retention = TimeSpan.FromMinutes(5), QueueCapacity = 0 }.Validate();
        Assert.Contains(errors, e => e.StartsWith("ProvisioningLog:Retention ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ProvisioningLog:QueueCapacity ", StringComparison.Ordinal));
        Assert.False(new ProvisioningLogQueue(new ProvisioningLogOptions { Enabled = false }).Enabled);
    }

    /// <summary>Polls the store until the writer has written <paramref name="count"/> entries (the writer runs on its own).</summary>
    private static async Task<IReadOnlyList<ProvisioningLogEntry>> WaitForAsync(ProvisioningStore store, int count, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var page = await store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(), timeout.Token);
            if (page.Entries.Count >= count)
            {
                return page.Entries;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
