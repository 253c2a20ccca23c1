using System.CommandLine;
using MassTransit;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.PingOne.Webhooks;
using ProvisioningBus.State;
using ProvisioningBus.State.Parking;

namespace ProvisioningBus.Operations.Commands;

/// <summary>
/// <c>errors parked</c> and <c>errors replay-parked &lt;id&gt;</c>: the malformed webhook events the gateway parked in
/// the store. Replay reads the event again (or a corrected copy from <c>--event</c>) and publishes its change with
/// broker confirms; it is marked replayed only after the broker confirmed.
/// </summary>
public static class ParkedEventsCommand
{
    public static IEnumerable<Command> Create(Func<ParseResult, CliContext> context) => [List(context), Replay(context)];

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var json = new Option<bool>("--json") { Description = "Print the events (raw JSON included) as JSON." };
        var all = new Option<bool>("--all") { Description = "Include events already replayed." };
        var limit = new Option<int>("--limit") { Description = "Show at most this many, newest first.", DefaultValueFactory = _ => 100 };
        var command = new Command("parked", "List webhook events the gateway parked because they were malformed.") { json, all, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var host = await StartStoreHostAsync(cli, cancellationToken);
            var events = await host.Services.GetRequiredService<IParkedEventStore>().ListAsync(parse.GetValue(all), Math.Clamp(parse.GetValue(limit), 1, 10_000), cancellationToken);
            if (parse.GetValue(json))
            {
                cli.WriteJson(events);
                return ExitCodes.Success;
            }

            if (events.Count == 0)
            {
                cli.Output.WriteLine("No parked webhook events.");
                return ExitCodes.Success;
            }

            cli.Output.WriteLine($"{"ID",-20} {"PARKED AT",-20} {"ACTION",-24} {"EVENT ID",-38} REASON");
            foreach (var parked in events)
            {
                var action = parked.ReplayedAt is null ? parked.ActionType ?? "?" : $"{parked.ActionType} (replayed)";
                cli.Output.WriteLine($"{parked.Id,-20} {parked.ParkedAt.ToString("u"),-20} {action,-24} {parked.EventId ?? "-",-38} {parked.Reason}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Replay(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "The parked event's id, as `errors parked` lists it." };
        var corrected = new Option<FileInfo?>("--event") { Description = "A corrected copy of the event (one JSON object) to publish instead of the parked one." };
        var command = new Command("replay-parked", "Publish a parked webhook event's change (after fixing its cause) and mark it replayed.") { id, corrected };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            if (!RabbitMqOf(cli))
            {
                return ExitCodes.InvalidConfiguration;
            }

            using var storeHost = await StartStoreHostAsync(cli, cancellationToken);
            var store = storeHost.Services.GetRequiredService<IParkedEventStore>();
            var parked = await store.GetAsync(parse.GetValue(id)!, cancellationToken);
            if (parked is null)
            {
                cli.Error.WriteLine($"No parked event has id '{parse.GetValue(id)}' (list them with `errors parked`).");
                return ExitCodes.NotFound;
            }

            var file = parse.GetValue(corrected);
            var raw = file is null ? parked.RawEvent : await File.ReadAllTextAsync(file.FullName, cancellationToken);
            PingOneActivityBatch batch;
            try
            {
                batch = new PingOneActivityParser().Parse(System.Text.Encoding.UTF8.GetBytes($"[{raw}]"), isNdJson: false);
            }
            catch (PingOneWebhookFormatException exception)
            {
                cli.Error.WriteLine($"The event is still malformed: {exception.Message}. Pass a corrected copy with --event <file>.");
                return ExitCodes.InvalidConfiguration;
            }

            using var busHost = cli.BuildHost(builder =>
            {
                builder.Services.AddProvisioningBus(builder.Configuration);
                builder.Services.AddScoped<DirectoryChangePublisher>();
            });
            try
            {
                await busHost.StartAsync(cancellationToken);
                using (var scope = busHost.Services.CreateScope())
                {
                    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    deadline.CancelAfter(TimeSpan.FromSeconds(30));
                    await scope.ServiceProvider.GetRequiredService<DirectoryChangePublisher>().PublishAsync(batch.Changes, deadline.Token);
                }

                await busHost.StopAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                cli.Error.WriteLine($"Could not publish to RabbitMQ: {exception.Message}");
                return ExitCodes.RemoteFailure;
            }

            await store.MarkReplayedAsync(parked.Id, cancellationToken);
            await OperatorLog.RecordAsync(storeHost.Services.GetRequiredService<IProvisioningStore>(), "*", "replay", succeeded: true,
                $"parked webhook event {parked.Id}: {batch.Changes.Count} change(s) published", cancellationToken,
                entityType: "parked_event", entityId: parked.Id);
            cli.Output.WriteLine(batch.Changes.Count == 0
                ? $"Parked event {parked.Id} carries no change for us ({string.Join("; ", batch.Ignored.Select(ignored => ignored.Reason))}); marked replayed."
                : $"Replayed parked event {parked.Id}: published {batch.Changes.Count} change{(batch.Changes.Count == 1 ? "" : "s")}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool RabbitMqOf(CliContext cli)
    {
        var bus = cli.Configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();
        if (!bus.UsesRabbitMq)
        {
            cli.Error.WriteLine($"{BusOptions.SectionName}:Uri is not set: replay publishes to the workers' RabbitMQ.");
        }

        return bus.UsesRabbitMq;
    }

    private static Task<IHost> StartStoreHostAsync(CliContext cli, CancellationToken cancellationToken)
    {
        cli.RequireExistingStore();
        return cli.StartHostAsync(builder => builder.AddProvisioningStateStore(), cancellationToken);
    }
}
