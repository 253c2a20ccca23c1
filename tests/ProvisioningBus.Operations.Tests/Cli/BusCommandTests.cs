using Docusign.Emulator;
using MassTransit;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Operations;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Operations.Tests.Infrastructure;
using ProvisioningBus.State.Rules;

namespace ProvisioningBus.Operations.Tests.Cli;

[Collection(OperationsCollection.Name)]
public sealed class BusCommandTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sync_publishes_a_full_resync_command_that_the_workers_receive()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var recorder = await CommandRecorder.StartAsync(vhost.AmqpUri);
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();

        var run = await CliRun.InvokeAsync(Settings.For(docusign, database, vhost.AmqpUri), "sync", "people", "--full");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var messages = await Eventually.MatchesAsync(() => recorder.Messages, received => received.Count > 0, Timeout, "the SyncRule command arrives");
        var command = Assert.IsType<SyncRule>(Assert.Single(messages));
        Assert.Equal("people", command.RuleName);
        Assert.Equal(SyncKind.FullResync, command.Kind);
        await AssertLoggedAsync(Settings.For(docusign, database), "people", "sync", "full resync requested");
    }

    [Fact]
    public async Task Sync_without_a_broker_or_for_an_unknown_rule_fails_with_a_reason()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();

        var noBroker = await CliRun.InvokeAsync(Settings.For(docusign, database), "sync", "people");
        var unknownRule = await CliRun.InvokeAsync(Settings.For(docusign, database), "sync", "nobody");

        Assert.Equal(ExitCodes.InvalidConfiguration, noBroker.ExitCode);
        Assert.Contains("RabbitMq:Uri", noBroker.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, unknownRule.ExitCode);
    }

    [Fact]
    public async Task Approve_deletions_releases_the_held_snapshot_and_says_when_nothing_is_held()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var recorder = await CommandRecorder.StartAsync(vhost.AmqpUri);
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Settings.For(docusign, database, vhost.AmqpUri);
        settings["Inbound:Rules:back:SourceConnection"] = "demo";

        var nothing = await CliRun.InvokeAsync(settings, "approve-deletions", "back");

        var snapshotId = Guid.NewGuid();
        using (var seeded = await SeededStore.OpenAsync(database))
        {
            await seeded.Store().RuleStates.UpsertAsync(
                new RuleState("back", RuleDirection.Inbound, "hash", DateTimeOffset.UtcNow, null, null, snapshotId, "60 of 100 users (60 %) would be deleted"),
                CancellationToken.None);
            await seeded.StopAsync();
        }

        var approved = await CliRun.InvokeAsync(settings, "approve-deletions", "back");

        Assert.Equal(ExitCodes.NothingToDo, nothing.ExitCode);
        Assert.Equal(ExitCodes.Success, approved.ExitCode);
        Assert.Contains("60 of 100 users", approved.Output, StringComparison.Ordinal);
        var messages = await Eventually.MatchesAsync(() => recorder.Messages, received => received.Count > 0, Timeout, "the approval arrives");
        Assert.Equal(snapshotId, Assert.IsType<ApproveInboundDeletions>(Assert.Single(messages)).SnapshotId);
        await AssertLoggedAsync(settings, "back", "approve-deletions", "60 of 100 users");
    }

    [Fact]
    public async Task Approve_deletions_of_a_deleted_inbound_rule_known_only_to_the_store_sends_the_inbound_approval()
    {
        var (holdId, output, messages) = await ApproveDeletedRuleAsync(
            new RuleState("gone-inbound", RuleDirection.Inbound, "hash;deprovision=Delete", DateTimeOffset.UtcNow, null, null, Guid.NewGuid(), "deleting this rule would delete 300 of 300 PingOne users"));

        Assert.Contains("300 of 300", output, StringComparison.Ordinal);
        Assert.Equal(holdId, Assert.IsType<ApproveInboundDeletions>(Assert.Single(messages)).SnapshotId);
    }

    [Fact]
    public async Task Approve_deletions_of_an_outbound_rule_asks_a_full_resync_that_carries_the_approved_hold()
    {
        var (holdId, output, messages) = await ApproveDeletedRuleAsync(
            new RuleState("gone", RuleDirection.Outbound, "hash", DateTimeOffset.UtcNow, null, null, Guid.NewGuid(), "deleting this rule would close 300 of 300 provisioned Docusign users"));

        Assert.Contains("300 of 300", output, StringComparison.Ordinal);
        var command = Assert.IsType<SyncRule>(Assert.Single(messages));
        Assert.Equal(("gone", SyncKind.FullResync, holdId), (command.RuleName, command.Kind, command.ApprovedDeletions));
    }

    /// <summary>
    /// A deleted rule, known only to the store with its held deletions, approved through the CLI: the hold, what the CLI
    /// printed and what reached the bus.
    /// </summary>
    private async Task<(Guid HoldId, string Output, IReadOnlyList<object> Messages)> ApproveDeletedRuleAsync(RuleState deleted)
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var recorder = await CommandRecorder.StartAsync(vhost.AmqpUri);
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Settings.For(docusign, database, vhost.AmqpUri);
        using (var seeded = await SeededStore.OpenAsync(database))
        {
            await seeded.Store().RuleStates.UpsertAsync(deleted, CancellationToken.None);
            await seeded.StopAsync();
        }

        var approved = await CliRun.InvokeAsync(settings, "approve-deletions", deleted.Rule);

        Assert.True(approved.ExitCode == ExitCodes.Success, approved.Error);
        var messages = await Eventually.MatchesAsync(() => recorder.Messages, received => received.Count > 0, Timeout, "the approval arrives");
        return (deleted.PendingApprovalSnapshotId!.Value, approved.Output, messages);
    }

    [Fact]
    public async Task Errors_lists_a_poison_message_and_replay_delivers_it_again_after_the_fix()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        var consumer = new FlakyConsumerState();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration["RabbitMq:Uri"] = vhost.AmqpUri.ToString();
        builder.Services.AddSingleton(consumer);
        builder.Services.AddProvisioningBus(builder.Configuration, bus => bus.AddConsumer<FlakyConsumer>().Endpoint(e => e.Name = "poison-test"));
        using var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, Timeout);
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Settings.For(docusign, database, vhost.AmqpUri);
        settings["RabbitMq:ManagementUri"] = broker.Broker.ManagementUri.GetLeftPart(UriPartial.Authority);

        await host.Services.GetRequiredService<IBus>().Publish(new SyncRule { RuleName = "poison", Kind = SyncKind.Manual, RequestedBy = "test", RequestedAt = DateTimeOffset.UtcNow });
        await Eventually.MatchesAsync(() => consumer.Failures, failures => failures > 0, Timeout, "the consumer throws");
        var listed = await Eventually.MatchesAsync(
            () => CliRun.InvokeAsync(settings, "errors", "list"),
            run => run.Output.Contains("poison-test_error", StringComparison.Ordinal) && !run.Output.Contains(" 0\n", StringComparison.Ordinal),
            Timeout,
            "the message lands in poison-test_error");

        consumer.Fixed = true;
        var replayed = await CliRun.InvokeAsync(settings, "errors", "replay", "poison-test");

        Assert.Equal(ExitCodes.Success, listed.ExitCode);
        Assert.Contains("Replayed 1 message.", replayed.Output, StringComparison.Ordinal);
        await AssertLoggedAsync(settings, "*", "replay", "1 message from poison-test");
        await Eventually.MatchesAsync(() => consumer.Successes, successes => successes == 1, Timeout, "the replayed message is consumed");
        await host.StopAsync();
    }

    public sealed class FlakyConsumerState
    {
        private int failures;
        private int successes;
        private volatile bool isFixed;

        public bool Fixed
        {
            get => isFixed;
            set => isFixed = value;
        }

        public int Failures => failures;

        public int Successes => successes;

        public void Failed() => Interlocked.Increment(ref failures);

        public void Succeeded() => Interlocked.Increment(ref successes);
    }

    public sealed class FlakyConsumer(FlakyConsumerState state) : IConsumer<SyncRule>
    {
        public Task Consume(ConsumeContext<SyncRule> context)
        {
            if (!state.Fixed)
            {
                state.Failed();
                throw new InvalidOperationException("poison until fixed");
            }

            state.Succeeded();
            return Task.CompletedTask;
        }
    }

    /// <summary>The operator's action is in the provisioning log, as the OS user who ran the CLI.</summary>
    private static async Task AssertLoggedAsync(IDictionary<string, string?> settings, string rule, string action, string reason)
    {
        var log = await CliRun.InvokeAsync(settings, "log", "--rule", rule, "--format", "json");
        using var json = System.Text.Json.JsonDocument.Parse(log.Output);
        Assert.Contains(json.RootElement.GetProperty("entries").EnumerateArray(), entry =>
            entry.GetProperty("action").GetString() == action
            && entry.GetProperty("direction").GetString() == "operator"
            && entry.GetProperty("actor").GetString() == Environment.UserName
            && entry.GetProperty("reason").GetString()!.Contains(reason, StringComparison.Ordinal));
    }
}
