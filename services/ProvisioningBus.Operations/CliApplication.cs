using System.CommandLine;
using ProvisioningBus.Operations.Commands;
using ProvisioningBus.Operations.Connect;
using ProvisioningBus.Operations.Doctor;
using ProvisioningBus.Operations.Subscriptions;

namespace ProvisioningBus.Operations;

/// <summary>
/// The admin CLI. It reads the same configuration as the services (appsettings.json, <c>--config</c> files,
/// environment variables) so that what it validates and reports is what the workers run with.
/// </summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null, TextReader? input = null, CancellationToken cancellationToken = default)
    {
        var configOption = new Option<FileInfo[]>("--config")
        {
            Description = "Extra JSON configuration files, applied after ./appsettings.json and before environment variables.",
            Recursive = true,
            AllowMultipleArgumentsPerToken = true,
        };

        var root = new RootCommand("ProvisioningBus admin: validate configuration, test connections, sync rules, read sync status, replay failed messages.");
        root.Options.Add(configOption);

        CliContext Context(ParseResult parse) => new(configuration ?? LoadConfiguration(parse.GetValue(configOption) ?? []), output, error, input);

        root.Subcommands.Add(ValidateCommand.Create(Context));
        root.Subcommands.Add(TestConnectionCommand.Create(Context));
        root.Subcommands.Add(StatusCommand.Create(Context));
        root.Subcommands.Add(FailuresCommand.Create(Context));
        root.Subcommands.Add(SyncCommand.Create(Context));
        root.Subcommands.Add(DryRunCommand.Create(Context));
        root.Subcommands.Add(ApproveDeletionsCommand.Create(Context));
        root.Subcommands.Add(ErrorsCommand.Create(Context));
        root.Subcommands.Add(ConnectCommand.Create(Context));
        root.Subcommands.Add(SubscribeCommand.Create(Context));
        root.Subcommands.Add(DoctorCommand.Create(Context));
        root.Subcommands.Add(LogCommand.Create(Context));
        root.Subcommands.Add(ProvisionCommand.Create(Context));

        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception exception) when (CliFailure.Describe(exception) is { } failure)
        {
            // An operator's mistake (a missing file, a bad value, an unreachable store) is one line, never a stack trace.
            error.WriteLine(failure.Message);
            return failure.ExitCode;
        }
    }

    private static IConfiguration LoadConfiguration(IEnumerable<FileInfo> files)
    {
        var builder = new ConfigurationBuilder().AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true);
        foreach (var file in files)
        {
            builder.AddJsonFile(file.FullName, optional: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }
}
