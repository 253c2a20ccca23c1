using System.CommandLine;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Outbound;

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

    public static List<string> Validate(CliContext cli)
    {
        var errors = new List<string>();
        try
        {
            // The same registrations as the outbound worker: connection and store options throw while registering,
            // rule and bus options through their validators when first read.
            using var host = cli.BuildHost(builder => builder.AddOutbound());
            _ = host.Services.GetRequiredService<IOptions<BusOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<OutboundOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<LeaseOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            errors.AddRange(exception.Failures);
        }
        catch (InvalidOperationException exception)
        {
            errors.Add(exception.Message);
        }

        return errors;
    }
}
