using System.CommandLine;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.State;

namespace ProvisioningBus.Operations.Commands;

/// <summary><c>validate</c>: runs the workers' own start-up validation and lists every problem with its key.</summary>
public static class ValidateCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("validate", "Validate the configuration the way the workers do at start-up; each error names its key.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var errors = await ValidateAsync(cli, cancellationToken);
            var described = ConfiguredItems.Read(cli.Configuration);
            if (parse.GetValue(json))
            {
                cli.WriteJson(new { valid = errors.Count == 0, errors, connections = described.Connections, rules = described.Rules });
            }
            else if (errors.Count == 0)
            {
                cli.Output.WriteLine("Configuration is valid.");
                described.WriteTo(cli.Output);
            }
            else
            {
                cli.Output.WriteLine($"Configuration is invalid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):");
                foreach (var error in errors)
                {
                    cli.Output.WriteLine($"  - {error}");
                }
            }

            return errors.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidConfiguration;
        });
        return command;
    }

    public static async Task<List<string>> ValidateAsync(CliContext cli, CancellationToken cancellationToken)
    {
        var errors = ConfigurationProblems.Find(cli.Configuration);
        errors.AddRange(await StoredRuleProblemsAsync(cli, cancellationToken));
        return errors;
    }

    /// <summary>What only the store knows: a rule moved to another connection than it was created with.</summary>
    private static async Task<IReadOnlyList<string>> StoredRuleProblemsAsync(CliContext cli, CancellationToken cancellationToken)
    {
        try
        {
            cli.RequireExistingStore();
        }
        catch (StoreNotConfiguredException)
        {
            // No store yet: every rule is new, so none can have moved.
            return [];
        }

        try
        {
            using var host = await cli.StartHostAsync(builder => builder.AddProvisioningStateStore(), cancellationToken);
            var stored = await host.Services.GetRequiredService<IProvisioningStore>().RuleEndpoints.ListAsync(cancellationToken);
            return RuleEndpoints.Problems(RuleEndpoints.Configured(cli.Configuration, DateTimeOffset.UtcNow), stored);
        }
        catch (InvalidOperationException unreadable)
        {
            // The settings problems above name a broken store configuration; an unreachable store is not a settings error.
            await cli.Error.WriteLineAsync($"Rules not checked against the state store ({unreadable.Message}).");
            return [];
        }
    }
}
