using System.CommandLine;
using ProvisioningBus.Core.Status;

namespace ProvisioningBus.Operations.Commands;

/// <summary><c>failures &lt;rule&gt;</c>: the entities whose last sync failed, with Docusign's error code.</summary>
public static class FailuresCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var rule = new Argument<string>("rule") { Description = "The rule whose failures to list." };
        var limit = new Option<int>("--limit") { Description = "At most this many entries.", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print the failures as JSON." };
        var command = new Command("failures", "List per-entity failures of a rule (latest first).") { rule, limit, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var host = await StatusCommand.StartStatusHostAsync(cli, cancellationToken);
            var reader = host.Services.GetRequiredService<SyncStatusReader>();
            var ruleName = parse.GetValue(rule)!;
            if (!reader.RuleNames().Contains(ruleName))
            {
                cli.Error.WriteLine($"No rule named '{ruleName}' is configured (known: {string.Join(", ", reader.RuleNames())}).");
                return ExitCodes.NotFound;
            }

            var failures = await reader.ListFailuresAsync(ruleName, Math.Clamp(parse.GetValue(limit), 1, 10_000), cancellationToken);
            if (parse.GetValue(json))
            {
                cli.WriteJson(failures);
                return ExitCodes.Success;
            }

            if (failures.Count == 0)
            {
                cli.Output.WriteLine($"Rule '{ruleName}' has no failures.");
            }

            foreach (var failure in failures)
            {
                cli.Output.WriteLine($"{failure.At:u}  {failure.EntityKind,-5} {failure.DisplayName} ({failure.EntityId}): {failure.ErrorCode} {failure.ErrorMessage}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
