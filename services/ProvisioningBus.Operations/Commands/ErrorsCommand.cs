using System.CommandLine;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Rules;

namespace ProvisioningBus.Operations.Commands;

/// <summary><c>errors list|replay</c>: the changes in MassTransit's <c>_error</c> queues, by queue, rule or entity.</summary>
public static class ErrorsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var listQueue = QueueArgument("Only this consumer queue (e.g. user-changes) or its _error queue.");
        var listMax = new Option<int>("--max") { Description = "Show at most this many messages per queue.", DefaultValueFactory = _ => 100 };
        var (listRule, listEntity) = SelectionOptions();
        var list = new Command("list", "List the _error queues, how many messages each holds, and each message's entity, rules and reason.")
        {
            listQueue, listRule, listEntity, listMax, json,
        };
        list.SetAction((parse, cancellationToken) => RunAsync(context(parse), async (cli, errors) =>
        {
            var selection = new DeadLetterSelection(parse.GetValue(listRule), parse.GetValue(listEntity));
            var max = Math.Max(1, parse.GetValue(listMax));
            var listed = new List<(string Queue, long Messages, IReadOnlyList<DeadLetter> Letters)>();
            var only = parse.GetValue(listQueue) is { } named ? ErrorQueues.ErrorQueueOf(named) : null;
            // The management API names the queues; their counts are sampled every few seconds, so each is read itself.
            foreach (var (queue, _) in (await errors.ListAsync(cancellationToken)).Where(queue => only is null || queue.Queue == only))
            {
                var (messages, letters) = await errors.ReadAsync(queue, max, selection, cancellationToken);
                listed.Add((queue, messages, letters));
            }

            if (parse.GetValue(json))
            {
                cli.WriteJson(listed.Select(queue => new { queue = queue.Queue, messages = queue.Messages, deadLetters = queue.Letters }));
                return ExitCodes.Success;
            }

            foreach (var (queue, messages, letters) in listed)
            {
                cli.Output.WriteLine($"{queue,-40} {messages,8}");
                foreach (var letter in letters)
                {
                    cli.Output.WriteLine("  " + Describe(letter));
                }
            }

            if (listed.Count == 0)
            {
                cli.Output.WriteLine(only is null ? "No error queues." : $"No queue named {only}.");
                return only is null ? ExitCodes.Success : ExitCodes.NotFound;
            }

            return ExitCodes.Success;
        }));

        var replayQueue = QueueArgument("The consumer queue (e.g. user-changes) or its _error queue; every _error queue when omitted (then --rule or --entity is required).");
        var max = new Option<int>("--max") { Description = "Move at most this many messages per queue.", DefaultValueFactory = _ => int.MaxValue };
        var (replayRule, replayEntity) = SelectionOptions();
        var replay = new Command("replay", "Move messages from <queue>_error back to <queue> (after fixing what made them fail); --rule / --entity move only the matching ones, the rest stay in order.")
        {
            replayQueue, replayRule, replayEntity, max,
        };
        replay.SetAction((parse, cancellationToken) => RunAsync(context(parse), async (cli, errors) =>
        {
            var selection = new DeadLetterSelection(parse.GetValue(replayRule), parse.GetValue(replayEntity));
            var queue = parse.GetValue(replayQueue);
            if (queue is null && selection.IsAll)
            {
                cli.Error.WriteLine("Name a queue, or select messages with --rule and/or --entity to replay them from every _error queue.");
                return ExitCodes.InvalidConfiguration;
            }

            var moved = 0;
            foreach (var errorQueue in await QueuesAsync(errors, queue, cancellationToken))
            {
                moved += await errors.ReplayAsync(errorQueue, Math.Max(1, parse.GetValue(max)), selection, cancellationToken);
            }

            cli.Output.WriteLine($"Replayed {moved} message{(moved == 1 ? "" : "s")}.");
            await OperatorLog.RecordAsync(cli, selection.Rule ?? "*", "replay", succeeded: true,
                $"{moved} message{(moved == 1 ? "" : "s")} from {queue ?? "every _error queue"}", cancellationToken,
                entityType: selection.Entity is null ? "rule" : "entity", entityId: selection.Entity);
            return ExitCodes.Success;
        }));

        var errors = new Command("errors", "Inspect and replay messages that failed all retries, and webhook events parked as malformed.") { list, replay };
        foreach (var parked in ParkedEventsCommand.Create(context))
        {
            errors.Subcommands.Add(parked);
        }

        return errors;
    }

    private static Argument<string?> QueueArgument(string description) => new("queue") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    private static (Option<string?> Rule, Option<string?> Entity) SelectionOptions() => (
        new Option<string?>("--rule") { Description = "Only changes for this rule." },
        new Option<string?>("--entity") { Description = "Only changes naming this id (PingOne user or group id; Docusign user id for inbound rules)." });

    /// <summary>The named queue alone (replay needs no management API for it), or every _error queue.</summary>
    private static async Task<IReadOnlyList<string>> QueuesAsync(ErrorQueues errors, string? queue, CancellationToken cancellationToken) =>
        queue is not null ? [ErrorQueues.ErrorQueueOf(queue)] : [.. (await errors.ListAsync(cancellationToken)).Select(listed => listed.Queue)];

    private static string Describe(DeadLetter letter)
    {
        var at = letter.FaultedAt?.ToString("u") ?? "(no fault time)";
        var who = letter.Subject is { } subject
            ? $"{subject.Kind.ToString().ToLowerInvariant()} {subject.EntityId}{(subject.DisplayName != subject.EntityId ? $" ({subject.DisplayName})" : "")} rules: {(subject.Rules.Count == 0 ? "none" : string.Join(",", subject.Rules))}"
            : letter.MessageType ?? "unknown message";
        return $"{at}  {who}  {letter.ExceptionType}: {letter.Reason}";
    }

    private static async Task<int> RunAsync(CliContext cli, Func<CliContext, ErrorQueues, Task<int>> run)
    {
        var bus = cli.Configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();
        if (!bus.UsesRabbitMq)
        {
            cli.Error.WriteLine($"{BusOptions.SectionName}:Uri is not set: error queues live in RabbitMQ.");
            return ExitCodes.InvalidConfiguration;
        }

        var outbound = cli.Configuration.GetSection(OutboundOptions.SectionName).Get<OutboundOptions>() ?? new OutboundOptions();
        try
        {
            return await run(cli, new ErrorQueues(bus, outbound));
        }
        catch (HttpRequestException exception)
        {
            cli.Error.WriteLine($"RabbitMQ management API unreachable: {exception.Message}");
            return ExitCodes.RemoteFailure;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException exception)
        {
            cli.Error.WriteLine($"RabbitMQ refused: {exception.ShutdownReason?.ReplyText ?? exception.Message}");
            return ExitCodes.NotFound;
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException exception)
        {
            cli.Error.WriteLine($"RabbitMQ unreachable: {exception.Message}");
            return ExitCodes.RemoteFailure;
        }
    }
}
