using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>
/// The built outbound worker (ProvisioningBus.Outbound.dll, copied beside the tests) as a process of its own, configured
/// only through command-line arguments, so a drill can kill it the way an OOM killer or a node loss does.
/// </summary>
public sealed class OutboundWorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private OutboundWorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', lines);

    public bool HasExited => process.HasExited;

    public static async Task<OutboundWorkerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ProvisioningBus.Outbound.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        // Only what the drill passes: no broker or store inherited from the test runner's environment.
        foreach (var inherited in new[] { "RABBITMQ_URI", "RabbitMq__Uri", "State__ConnectionString", "OTEL_EXPORTER_OTLP_ENDPOINT" })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var worker = new OutboundWorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        try
        {
            // The host logs "Application started" only after MassTransit's WaitUntilStarted: the queues and bindings exist.
            await Eventually.MatchesAsync(
                () => worker.lines.Any(line => line.Contains("Application started", StringComparison.Ordinal))
                    || (worker.process.HasExited ? throw new InvalidOperationException($"The worker exited with {worker.process.ExitCode}:\n{worker.Output}") : false),
                started => started,
                timeout,
                "the outbound worker process starts");
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }

        return worker;
    }

    /// <summary>SIGKILL: no shutdown hook runs, unacknowledged deliveries stay with the broker, held leases stay in the store.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term!.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
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
}
