using System.CommandLine;
using ProvisioningBus.Contracts;

namespace ProvisioningBus.Operations.Commands;

/// <summary><c>sync &lt;rule&gt;</c>: asks the workers to sync a rule now (inbound rules keep their daily time).</summary>
public static class SyncCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var rule = new Argument<string>("rule") { Description = "The rule to sync." };
        var full = new Option<bool>("--full") { Description = "A full resync: compare every entity and correct differences." };
        var command = new Command("sync", "Sync a rule now (a manual sync; inbound rules keep their daily time).") { rule, full };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var ruleName = parse.GetValue(rule)!;
            if (!RuleNames.All(cli.Configuration).Contains(ruleName))
            {
                cli.Error.WriteLine($"No rule named '{ruleName}' is configured (known: {string.Join(", ", RuleNames.All(cli.Configuration))}).");
                return ExitCodes.NotFound;
            }

            var kind = parse.GetValue(full) ? SyncKind.FullResync : SyncKind.Manual;
            var exit = await BusCommandSender.PublishAsync(cli, new SyncRule
            {
                RuleName = ruleName,
                Kind = kind,
                RequestedBy = Environment.UserName,
                RequestedAt = DateTimeOffset.UtcNow,
            }, cancellationToken);
            if (exit == ExitCodes.Success)
            {
                cli.Output.WriteLine($"Sync of rule '{ruleName}' requested.");
            }

            await OperatorLog.RecordAsync(cli, ruleName, "sync", exit == ExitCodes.Success,
                kind == SyncKind.FullResync ? "full resync requested" : "manual sync requested", cancellationToken);
            return exit;
        });
        return command;
    }
}
