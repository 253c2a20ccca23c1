using System.Collections.Concurrent;
using Docusign.Emulator;
using MassTransit;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.DeadLetters;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Operations.Tests.Infrastructure;
using ProvisioningBus.State;
using ProvisioningBus.State.Hosting;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Operations.Tests.Cli;

[Collection(OperationsCollection.Name)]
public sealed class ErrorsCommandTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Dead_lettered_changes_are_listed_with_entity_and_reason_shown_as_failures_and_replayed_by_entity_or_rule_keeping_the_rest_in_order()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Settings.For(docusign, database, vhost.AmqpUri);
        settings["RabbitMq:ManagementUri"] = broker.Broker.ManagementUri.GetLeftPart(UriPartial.Authority);
        var consumer = new RefusingConsumerState();
        using var host = await StartWorkerAsync(settings, consumer);
        var bus = host.Services.GetRequiredService<IBus>();

        // Three users' changes fail at once (no retry policy here), each shown as the rule's failure, in this order.
        foreach (var (id, name) in new[] { ("u-1", "alice"), ("u-2", "bob"), ("u-3", "carol") })
        {
            await bus.Publish(new PingOneUserChanged { EventId = $"event-{id}", EnvironmentId = "env-ops", UserId = id, UserName = name, Action = DirectoryChangeAction.Updated, RecordedAt = DateTimeOffset.UtcNow });
            // The ledger row is written once the move to _error is done: only then is the next change sent, so the queue's order is known.
            await Eventually.MatchesAsync(
                () => CliRun.InvokeAsync(settings, "failures", "people"),
                run => run.Output.Contains($"({id}): {DeadLetterReason.ErrorCode}", StringComparison.Ordinal),
                Timeout,
                $"{id} is dead-lettered before the next change is sent");
        }

        // Each is also a failed line of the provisioning log, naming what the change was and the PingOne event.
        var store = host.Services.GetRequiredService<IProvisioningStore>();
        var logged = await Eventually.MatchesAsync(
            async () => (await store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery("people", "u-1"), CancellationToken.None)).Entries,
            entries => entries.Count > 0,
            Timeout,
            "the dead-lettered change is logged");
        var line = Assert.Single(logged);
        Assert.Equal(("update", ProvisioningLogValues.Failed, "event-u-1", DeadLetterReason.ErrorCode), (line.Action, line.Outcome, line.EventId, line.ErrorCode));
        Assert.Equal((ProvisioningLogValues.Outbound, "user", "alice"), (line.Direction, line.EntityType, line.DisplayName));
        Assert.Contains("refused until fixed", line.Message, StringComparison.Ordinal);

        var failures = await CliRun.InvokeAsync(settings, "failures", "people");
        var listed = await CliRun.InvokeAsync(settings, "errors", "list");
        var status = await CliRun.InvokeAsync(settings, "status", "people", "--json");

        Assert.Equal(ExitCodes.Success, listed.ExitCode);
        Assert.True(InOrder(listed.Output, "u-1", "u-2", "u-3"), $"listed oldest first:\n{listed.Output}");
        Assert.Contains("user-changes_error", listed.Output, StringComparison.Ordinal);
        Assert.Contains("user u-1 (alice) rules: people", listed.Output, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: refused until fixed", listed.Output, StringComparison.Ordinal);
        Assert.Contains("bob", failures.Output, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: refused until fixed", failures.Output, StringComparison.Ordinal);
        Assert.Contains("errors replay user-changes --rule people --entity u-2", failures.Output, StringComparison.Ordinal);
        Assert.Contains("\"failed\": 3", status.Output, StringComparison.Ordinal);

        consumer.Fixed = true;
        var byEntity = await CliRun.InvokeAsync(settings, "errors", "replay", "user-changes", "--entity", "u-2");
        await Eventually.MatchesAsync(() => consumer.Applied.ToArray(), applied => applied.Contains("u-2"), Timeout, "the replayed change is consumed");
        var left = await CliRun.InvokeAsync(settings, "errors", "list", "user-changes");

        Assert.Contains("Replayed 1 message.", byEntity.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("u-2", left.Output, StringComparison.Ordinal);
        Assert.True(InOrder(left.Output, "u-1", "u-3"), $"the others stay, in order:\n{left.Output}");

        var noSelection = await CliRun.InvokeAsync(settings, "errors", "replay");
        var otherRule = await CliRun.InvokeAsync(settings, "errors", "replay", "--rule", "nobody");
        var byRule = await CliRun.InvokeAsync(settings, "errors", "replay", "--rule", "people");
        await Eventually.MatchesAsync(() => consumer.Applied.Count, applied => applied == 3, Timeout, "the rule's other changes are consumed");

        Assert.Equal(ExitCodes.InvalidConfiguration, noSelection.ExitCode);
        Assert.Contains("Replayed 0 messages.", otherRule.Output, StringComparison.Ordinal);
        Assert.Contains("Replayed 2 messages.", byRule.Output, StringComparison.Ordinal);
        Assert.Equal(["u-2", "u-1", "u-3"], consumer.Applied.ToArray());
        await host.StopAsync();
    }

    private static bool InOrder(string output, params string[] ids) =>
        ids.Select(id => output.IndexOf(id, StringComparison.Ordinal)).ToList() is var positions
        && positions.All(position => position >= 0)
        && positions.SequenceEqual(positions.Order());

    /// <summary>The bus as a worker registers it (with the store, so the error pipe records), consuming user-changes.</summary>
    private static async Task<IHost> StartWorkerAsync(Dictionary<string, string?> settings, RefusingConsumerState consumer)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddProvisioningStateStore();
        builder.Services.AddProvisioningLog(builder.Configuration.GetSection(ProvisioningLogOptions.SectionName));
        builder.Services.AddSingleton(consumer);
        builder.Services.AddProvisioningBus(builder.Configuration, bus => bus.AddConsumer<RefusingConsumer>().Endpoint(e => e.Name = ChangeSubjects.UserQueue));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public sealed class RefusingConsumerState
    {
        private volatile bool isFixed;

        public bool Fixed
        {
            get => isFixed;
            set => isFixed = value;
        }

        public ConcurrentBag<string> Refused { get; } = [];

        public ConcurrentQueue<string> Applied { get; } = new();
    }

    public sealed class RefusingConsumer(RefusingConsumerState state) : IConsumer<PingOneUserChanged>
    {
        public Task Consume(ConsumeContext<PingOneUserChanged> context)
        {
            if (!state.Fixed)
            {
                state.Refused.Add(context.Message.UserId);
                throw new InvalidOperationException("refused until fixed");
            }

            state.Applied.Enqueue(context.Message.UserId);
            return Task.CompletedTask;
        }
    }
}
