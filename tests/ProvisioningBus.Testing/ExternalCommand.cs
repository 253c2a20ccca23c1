using System.Diagnostics;

namespace ProvisioningBus.Testing;

/// <summary>Runs a command-line tool to completion (rabbitmqctl, pg_ctlcluster, dotnet build) and fails with its output when it fails.</summary>
public static class ExternalCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <returns>What the command wrote to standard output.</returns>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo(program)
        {
            // Closed, so the tool never reads the input of whatever runs the tests (Erlang's shell in rabbitmqctl would
            // swallow the test script's own list of projects).
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout ?? DefaultTimeout);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
        }

        return await output;
    }
}
