using System.CommandLine;

namespace ProvisioningBus.Operations.Doctor;

/// <summary><c>doctor</c>: is this installation ready? One line per check, with the fix; the exit code counts the failures (0 = ready).</summary>
public static class DoctorCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("doctor", "Check configuration, store, broker, PingOne (API and subscription), each Docusign connection and the gateway; exit code = failed checks.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var failed = 0;
            await foreach (var finding in new DoctorChecks(cli).RunAsync(cancellationToken))
            {
                if (finding.Passed)
                {
                    cli.Output.WriteLine($"ok    {finding.Check}: {finding.Detail}");
                }
                else
                {
                    failed++;
                    cli.Output.WriteLine($"FAIL  {finding.Check}: {finding.Detail} — fix: {finding.Fix}");
                }

                cli.Output.Flush();
            }

            cli.Output.WriteLine(failed == 0 ? "Ready." : $"{failed} check{(failed == 1 ? "" : "s")} failed.");
            return failed;
        });
        return command;
    }
}
