using System.CommandLine;

namespace ProvisioningBus.Operations.Commands;

/// <summary><c>validate</c>: runs the workers' own start-up validation and lists every problem with its key.</summary>
public static class ValidateCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("validate", "Validate the configuration the way the workers do at start-up; each error names its key.") { json };
        command.SetAction(parse =>
        {
            var cli = context(parse);
            var errors = Validate(cli);
            if (parse.GetValue(json))
            {
                cli.WriteJson(new { valid = errors.Count == 0, errors });
            }
            else if (errors.Count == 0)
            {
                cli.Output.WriteLine("Configuration is valid.");
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

    public static List<string> Validate(CliContext cli) => ConfigurationProblems.Find(cli.Configuration);
}
