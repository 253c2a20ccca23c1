using System.CommandLine;
using ProvisioningBus.Core.Messaging;

namespace ProvisioningBus.Operations.Commands;

/// <summary><c>errors list|replay</c>: the poison messages in MassTransit's <c>_error</c> queues.</summary>
public static class ErrorsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var list = new Command("list", "List the _error queues and how many messages each holds.") { json };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            if (ErrorQueuesOf(cli) is not { } errors)
            {
                return ExitCodes.InvalidConfiguration;
            }

            IReadOnlyList<(string Queue, long Messages)> queues;
            try
            {
                queues = await errors.ListAsync(cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                cli.Error.WriteLine($"RabbitMQ management API unreachable: {exception.Message}");
                return ExitCodes.RemoteFailure;
            }

            if (parse.GetValue(json))
            {
                cli.WriteJson(queues.Select(queue => new { queue = queue.Queue, messages = queue.Messages }));
            }
            else
            {
                foreach (var (queue, messages) in queues)
                {
                    cli.Output.WriteLine($"{queue,-40} {messages,8}");
                }

                if (queues.Count == 0)
                {
                    cli.Output.WriteLine("No error queues.");
                }
            }

            return ExitCodes.Success;
        });

        var queue = new Argument<string>("queue") { Description = "The consumer queue (e.g. user-changes) or its _error queue." };
        var max = new Option<int>("--max") { Description = "Move at most this many messages.", DefaultValueFactory = _ => int.MaxValue };
        var replay = new Command("replay", "Move messages from <queue>_error back to <queue> (after fixing what made them fail).") { queue, max };
        replay.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            if (ErrorQueuesOf(cli) is not { } errors)
            {
                return ExitCodes.InvalidConfiguration;
            }

            try
            {
                var moved = await errors.ReplayAsync(parse.GetValue(queue)!, Math.Max(1, parse.GetValue(max)), cancellationToken);
                cli.Output.WriteLine($"Replayed {moved} message{(moved == 1 ? "" : "s")}.");
                return ExitCodes.Success;
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
        });

        var errors = new Command("errors", "Inspect and replay messages that failed all retries, and webhook events parked as malformed.") { list, replay };
        foreach (var parked in ParkedEventsCommand.Create(context))
        {
            errors.Subcommands.Add(parked);
        }

        return errors;
    }

    private static ErrorQueues? ErrorQueuesOf(CliContext cli)
    {
        var bus = cli.Configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();
        if (!bus.UsesRabbitMq)
        {
            cli.Error.WriteLine($"{BusOptions.SectionName}:Uri is not set: error queues live in RabbitMQ.");
            return null;
        }

        return new ErrorQueues(bus);
    }
}
