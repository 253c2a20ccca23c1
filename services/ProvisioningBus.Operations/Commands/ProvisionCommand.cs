using System.CommandLine;
using Microsoft.Extensions.Options;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound;
using ProvisioningBus.Outbound.OnDemand;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne;
using ProvisioningBus.State;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Operations.Commands;

/// <summary>
/// <c>provision &lt;rule&gt; &lt;pingone-user-id|email&gt; [--dry-run]</c>: applies one user now through the user consumer's
/// own path, printing each step. Like <c>dry-run</c>, it builds the worker's registrations without starting the host,
/// so no bus, rule start-up or reconciliation runs in the CLI.
/// </summary>
public static class ProvisionCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var rule = new Argument<string>("rule") { Description = "The outbound rule to provision the user under." };
        var user = new Argument<string>("user") { Description = "The PingOne user id, or the user's email." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the reads and the decision; write nothing." };
        var json = new Option<bool>("--json") { Description = "Print the steps as JSON." };
        var command = new Command("provision", "Provision one PingOne user under an outbound rule now, showing each step.") { rule, user, dryRun, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var ruleName = parse.GetValue(rule)!;
            if (!cli.Configuration.GetSection($"{OutboundOptions.SectionName}:Rules:{ruleName}").Exists())
            {
                cli.Error.WriteLine($"No outbound rule named '{ruleName}' is configured (known: {string.Join(", ", RuleNames.All(cli.Configuration))}).");
                return ExitCodes.NotFound;
            }

            UserProvisionedNow report;
            try
            {
                report = await ProvisionAsync(cli, ruleName, parse.GetValue(user)!, parse.GetValue(dryRun), cancellationToken);
            }
            catch (OptionsValidationException exception)
            {
                foreach (var failure in exception.Failures)
                {
                    cli.Error.WriteLine(failure);
                }

                return ExitCodes.InvalidConfiguration;
            }
            catch (Exception exception) when (exception is DocusignApiException or PingOneApiException or HttpRequestException)
            {
                // Client exceptions carry no secrets (the Docusign and PingOne clients guarantee it).
                cli.Error.WriteLine($"Reading or writing the rule's systems failed: {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.RemoteFailure;
            }

            if (parse.GetValue(json))
            {
                cli.WriteJson(report);
            }
            else
            {
                foreach (var step in report.Steps)
                {
                    cli.Output.WriteLine($"{step.Name,-16} {step.Detail}");
                }

                cli.Output.WriteLine($"{"outcome",-16} {report.Outcome}{(report.DryRun ? " (dry run: nothing was written)" : "")}");
            }

            return report.Result switch
            {
                ProvisionResult.Synced or ProvisionResult.Planned => ExitCodes.Success,
                ProvisionResult.Skipped => ExitCodes.NothingToDo,
                ProvisionResult.NotFound => ExitCodes.NotFound,
                _ => ExitCodes.RemoteFailure,
            };
        });
        return command;
    }

    private static async Task<UserProvisionedNow> ProvisionAsync(CliContext cli, string ruleName, string user, bool dryRun, CancellationToken ct)
    {
        using var host = cli.BuildHost(builder => builder.AddOutbound(registerBus: false));
        var services = host.Services;
        var compiled = services.GetRequiredService<OutboundRuleCatalog>().Find(ruleName)
            ?? throw new InvalidOperationException($"Outbound rule '{ruleName}' is not in the compiled catalog.");
        // The host is not started, so the schema initializer did not run.
        await services.GetRequiredService<IProvisioningStore>().EnsureSchemaAsync(ct);
        try
        {
            return await services.GetRequiredService<OnDemandUserProvisioner>().ProvisionAsync(compiled, user, dryRun, Environment.UserName, ct);
        }
        finally
        {
            // The user's log entry is queued by the ledger; with no host running, the writer's stop is what stores it.
            foreach (var writer in services.GetServices<IHostedService>().OfType<ProvisioningLogWriter>())
            {
                await writer.StopAsync(CancellationToken.None);
            }
        }
    }
}
