using System.CommandLine;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.State;
using ProvisioningBus.State.Rules;

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
            var configuredInbound = cli.Configuration.GetSection($"Inbound:Rules:{ruleName}").Exists();
            using var host = await cli.StartHostAsync(builder => builder.AddProvisioningStateStore(), cancellationToken);
            var state = await host.Services.GetRequiredService<IProvisioningStore>().RuleStates.GetAsync(ruleName, cancellationToken);
            // A deleted rule is known only to the store: its held closes or PingOne removals are approved all the same.
            var inbound = configuredInbound || (state?.Direction == RuleDirection.Inbound && !cli.Configuration.GetSection($"Outbound:Rules:{ruleName}").Exists());
            var outbound = !inbound && (cli.Configuration.GetSection($"Outbound:Rules:{ruleName}").Exists() || state?.Direction == RuleDirection.Outbound);
            if (!inbound && !outbound)
            {
                cli.Error.WriteLine($"No rule named '{ruleName}' is configured.");
                return ExitCodes.NotFound;
            }

            if (state?.PendingApprovalSnapshotId is not { } holdId)
            {
                cli.Output.WriteLine($"Rule '{ruleName}' has no deletions waiting for approval.");
                return ExitCodes.NothingToDo;
            }

            cli.Output.WriteLine($"Held: {state.PendingApprovalReason}");
            var exit = inbound
                ? await BusCommandSender.PublishAsync(cli, new ApproveInboundDeletions
                {
                    RuleName = ruleName, SnapshotId = holdId, ApprovedBy = Environment.UserName, ApprovedAt = DateTimeOffset.UtcNow,
                }, cancellationToken)
                : await BusCommandSender.PublishAsync(cli, new SyncRule
                {
                    RuleName = ruleName, Kind = SyncKind.FullResync, RequestedBy = Environment.UserName, RequestedAt = DateTimeOffset.UtcNow, ApprovedDeletions = holdId,
                }, cancellationToken);
            if (exit == ExitCodes.Success)
            {
                cli.Output.WriteLine(inbound ? $"Deletions of snapshot {holdId} approved." : $"Deletions held as {holdId} approved; a full resync applies them.");
            }

            await OperatorLog.RecordAsync(host.Services.GetRequiredService<IProvisioningStore>(), ruleName, "approve-deletions", exit == ExitCodes.Success,
                $"held as {holdId}: {state.PendingApprovalReason}", cancellationToken);
            return exit;
        });
        return command;
    }
}
