using System.CommandLine;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.State;

namespace ProvisioningBus.Operations.Commands;

/// <summary><c>approve-deletions &lt;rule&gt;</c>: releases the deletions an inbound rule's mass-deletion guard held back.</summary>
public static class ApproveDeletionsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var rule = new Argument<string>("rule") { Description = "The inbound rule whose held deletions to approve." };
        var command = new Command("approve-deletions", "Approve the deletions an inbound rule's mass-deletion guard is holding.") { rule };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var ruleName = parse.GetValue(rule)!;
            if (!cli.Configuration.GetSection($"Inbound:Rules:{ruleName}").Exists())
            {
                cli.Error.WriteLine($"No inbound rule named '{ruleName}' is configured.");
                return ExitCodes.NotFound;
            }

            using var host = await cli.StartHostAsync(builder => builder.AddProvisioningStateStore(), cancellationToken);
            var state = await host.Services.GetRequiredService<IProvisioningStore>().RuleStates.GetAsync(ruleName, cancellationToken);
            if (state?.PendingApprovalSnapshotId is not { } snapshotId)
            {
                cli.Output.WriteLine($"Rule '{ruleName}' has no deletions waiting for approval.");
                return ExitCodes.NothingToDo;
            }

            cli.Output.WriteLine($"Held: {state.PendingApprovalReason}");
            var exit = await BusCommandSender.PublishAsync(cli, new ApproveInboundDeletions
            {
                RuleName = ruleName,
                SnapshotId = snapshotId,
                ApprovedBy = Environment.UserName,
                ApprovedAt = DateTimeOffset.UtcNow,
            }, cancellationToken);
            if (exit == ExitCodes.Success)
            {
                cli.Output.WriteLine($"Deletions of snapshot {snapshotId} approved.");
            }

            return exit;
        });
        return command;
    }
}
