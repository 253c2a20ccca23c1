using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ProvisioningBus.Testing;

/// <summary>
/// The built worker (ProvisioningBus.Worker) as an OS process of its own, configured only through command-line
/// arguments, so a test can run several of them on one broker and store the way a deployment does, and kill one the
/// way an OOM killer or a node loss does.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private WorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', lines);

    public bool HasExited => process.HasExited;

    /// <summary>The OS process id; the worker's RabbitMQ connection name ends with it.</summary>
    public int Id => process.Id;

    /// <param name="roles">The <c>Worker:Roles</c> value, e.g. <c>users</c> or <c>groups,memberships</c>.</param>
    public static async Task<WorkerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string roles, TimeSpan timeout)
    {
        var worker = await ServiceExecutable.LocateAsync("services/ProvisioningBus.Worker");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(worker)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(worker);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add($"--Worker:Roles={roles}");
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
        var process = new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        try
        {
            // The host logs "Application started" only after MassTransit's WaitUntilStarted: the queues and bindings exist.
            await Eventually.MatchesAsync(
                () => process.lines.Any(line => line.Contains("Application started", StringComparison.Ordinal))
                    || (process.process.HasExited ? throw process.ExitedEarly(roles) : false),
                started => started,
                timeout,
                $"the worker process ({roles}) starts");
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return process;
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

    private InvalidOperationException ExitedEarly(string roles)
    {
        // The parameterless wait also drains the redirected output, so the message holds the process's last words.
        process.WaitForExit();
        return new InvalidOperationException($"The worker ({roles}) exited with {process.ExitCode}:\n{Output}");
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
