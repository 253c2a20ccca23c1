using ProvisioningBus.Operations;

namespace ProvisioningBus.Operations.Tests.Infrastructure;

/// <summary>Runs the real CLI entry point in-process with a given configuration and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> InvokeAsync(IDictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error, configuration);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
