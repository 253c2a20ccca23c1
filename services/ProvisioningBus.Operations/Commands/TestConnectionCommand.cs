using System.CommandLine;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Operations.Commands;

/// <summary><c>test-connection &lt;name&gt;</c>: refreshes a token and makes one cheap read, naming what failed.</summary>
public static class TestConnectionCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("connection") { Description = "The Docusign connection's name under Docusign:Connections." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("test-connection", "Test a Docusign connection: token refresh plus one read of the account.") { name, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var connectionName = parse.GetValue(name)!;
            var section = cli.Configuration.GetSection($"Docusign:Connections:{connectionName}");
            if (!section.Exists())
            {
                cli.Error.WriteLine($"No connection named '{connectionName}' under Docusign:Connections.");
                return ExitCodes.NotFound;
            }

            DocusignConnectionTestResult result;
            try
            {
                using var host = await StartConnectionHostAsync(cli, connectionName, cancellationToken);
                result = await host.Services.GetRequiredService<IDocusignClientProvider>().Get(connectionName).TestConnectionAsync(cancellationToken);
                await host.StopAsync(cancellationToken);
            }
            catch (InvalidOperationException exception)
            {
                cli.Error.WriteLine(exception.Message);
                return ExitCodes.InvalidConfiguration;
            }

            if (parse.GetValue(json))
            {
                cli.WriteJson(result);
            }
            else
            {
                cli.Output.WriteLine(result.Succeeded
                    ? $"Connection '{connectionName}' works."
                    : $"Connection '{connectionName}' failed: {result.Outcome}: {result.Message}");
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.RemoteFailure;
        });
        return command;
    }

    /// <summary>One connection with the store's token chain behind it, as the workers run it (also what <c>doctor</c> tests).</summary>
    public static Task<IHost> StartConnectionHostAsync(CliContext cli, string connectionName, CancellationToken cancellationToken) =>
        cli.StartHostAsync(builder =>
        {
            // The store holds the rotated refresh token: testing with the configured first token would spend it.
            builder.AddProvisioningStateStore();
            builder.Services.AddSingleton<IDocusignRefreshTokenStore, StoreBackedDocusignRefreshTokenStore>();
            builder.Services.AddDocusignConnection(connectionName, cli.Configuration.GetSection($"Docusign:Connections:{connectionName}"));
        }, cancellationToken);
}
