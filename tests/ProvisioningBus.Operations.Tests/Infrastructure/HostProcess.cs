using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ProvisioningBus.Operations.Tests.Infrastructure;

/// <summary>
/// The all-in-one host as its own process, started the way the README's first command starts it (the built
/// ProvisioningBus.Host with its appsettings.json), with free ports and a small demo so tests stay quick.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private HostProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', lines);

    public static async Task<HostProcess> StartAsync(params string[] arguments)
    {
        var hostDll = await ServiceExecutable.LocateAsync("services/ProvisioningBus.Host");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The host must not inherit a broker or store meant for other tests: the README's command uses the defaults.
        start.Environment.Remove("RABBITMQ_URI");
        start.Environment.Remove("RabbitMq__Uri");
        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits for the line the host prints once the gateway listens, and returns the gateway's address.</summary>
    public async Task<Uri> WaitForGatewayAsync(TimeSpan timeout)
    {
        var line = await WaitForLineAsync(candidate => candidate.TrimStart().StartsWith("gateway:", StringComparison.Ordinal), timeout);
        return new Uri(AddressPattern().Match(line).Value);
    }

    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout) =>
        Eventually.MatchesAsync(
            () => lines.FirstOrDefault(match) ?? (process.HasExited ? throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Output}") : null),
            line => line is not null,
            timeout,
            "the host prints the expected line")!;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM, as Ctrl+C would: the host must shut down cleanly, not be killed.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term!.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    [GeneratedRegex(@"http://[^\s)]+")]
    private static partial Regex AddressPattern();
}
