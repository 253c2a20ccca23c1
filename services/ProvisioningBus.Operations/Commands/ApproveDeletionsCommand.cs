using System.CommandLine;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.State;

namespace ProvisioningBus.Operations.Commands;

/// <summary>
/// <c>approve-deletions &lt;rule&gt;</c>: releases the deletions a rule's mass-deletion guard held back: an inbound
/// snapshot's PingOne deletions, or an outbound resync's (or a deleted outbound rule's) Docusign closes.
/// </summary>
public static class ApproveDeletionsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var rule = new Argument<string>("rule") { Description = "The rule whose held deletions to approve." };
        var command = new Command("approve-deletions", "Approve the deletions a rule's mass-deletion guard is holding.") { rule };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var ruleName = parse.GetValue(rule)!;
            using var host = await cli.StartHostAsync(builder => builder.AddProvisioningStateStore(), cancellationToken);
            var store = host.Services.GetRequiredService<IProvisioningStore>();
            var lookup = await HeldDeletions.FindAsync(cli.Configuration, store, ruleName, cancellationToken);
            if (!lookup.RuleKnown)
            {
                cli.Error.WriteLine($"No rule named '{ruleName}' is configured.");
                return ExitCodes.NotFound;
            }

            if (lookup.Held is not { } held)
            {
                cli.Output.WriteLine($"Rule '{ruleName}' has no deletions waiting for approval.");
                return ExitCodes.NothingToDo;
            }

            cli.Output.WriteLine($"Held: {held.Reason}");
            var exit = await BusCommandSender.PublishAsync(
                cli, (bus, ct) => held.PublishApprovalAsync(bus, Environment.UserName, DateTimeOffset.UtcNow, ct), cancellationToken);
            if (exit == ExitCodes.Success)
            {
                cli.Output.WriteLine(held.Approved);
            }

            await OperatorLog.RecordAsync(store, ruleName, "approve-deletions", exit == ExitCodes.Success, held.LogReason, cancellationToken);
            return exit;
        });
        return command;
    }
}
