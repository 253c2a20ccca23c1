using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ProvisioningBus.Testing;

/// <summary>
/// One of the repository's executables (a worker, the gateway, an emulator) as an OS process of its own, configured
/// only through its environment and command line, so a test can run several on one broker and store the way a
/// deployment does, and kill one the way an OOM killer or a node loss does.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    /// <summary>Variables of the test runner that must not leak into a service: it gets only what the test passes.</summary>
    private static readonly string[] Inherited = ["RABBITMQ_URI", "RABBITMQ_MANAGEMENT_URI", "POSTGRES_CONNECTION", "RabbitMq__Uri", "State__ConnectionString", "OTEL_EXPORTER_OTLP_ENDPOINT"];

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string Output => string.Join('\n', lines);

    public bool HasExited => process.HasExited;

    /// <summary>The OS process id; the service's RabbitMQ connection name ends with it.</summary>
    public int Id => process.Id;

    /// <summary>
    /// The worker with <paramref name="roles"/> (the <c>Worker:Roles</c> value, e.g. <c>groups,memberships</c>) and
    /// <paramref name="settings"/> as command-line settings; started once its receive endpoints exist.
    /// </summary>
    public static Task<ServiceProcess> StartWorkerAsync(IReadOnlyDictionary<string, string?> settings, string roles, TimeSpan timeout) =>
        StartAsync(
            "services/ProvisioningBus.Worker",
            $"worker ({roles})",
            new Dictionary<string, string?>
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            },
            ["--urls=http://127.0.0.1:0", $"--Worker:Roles={roles}", .. settings.Select(setting => $"--{setting.Key}={setting.Value}")],
            // The host logs "Application started" only after MassTransit's WaitUntilStarted: the queues and bindings exist.
            started => Task.FromResult(started.HasLogged("Application started")),
            timeout);

    /// <param name="projectDirectory">The executable's project folder under the repository root.</param>
    /// <param name="ready">Whether the process is ready to be used (e.g. its health endpoint answers).</param>
    public static async Task<ServiceProcess> StartAsync(
        string projectDirectory,
        string name,
        IReadOnlyDictionary<string, string?> environment,
        IEnumerable<string> arguments,
        Func<ServiceProcess, Task<bool>> ready,
        TimeSpan timeout)
    {
        var executable = await ServiceExecutable.LocateAsync(projectDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in Inherited)
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var service = new ServiceProcess(name, Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        try
        {
            await Eventually.MatchesAsync(
                async () => await ready(service) || (service.HasExited ? throw service.ExitedEarly() : false),
                started => started,
                timeout,
                $"{name} starts");
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    public bool HasLogged(string text) => lines.Any(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>The first line the process printed that matches; fails at once if the process exits first.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string because) =>
        Eventually.MatchesAsync(
            () => lines.FirstOrDefault(match) ?? (HasExited ? throw ExitedEarly() : null),
            line => line is not null,
            timeout,
            because)!;

    /// <summary>SIGKILL: no shutdown hook runs, unacknowledged deliveries stay with the broker, held leases stay in the store.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as Ctrl+C or an orchestrator would: the service shuts down cleanly unless it overstays 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
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

    private InvalidOperationException ExitedEarly()
    {
        // The parameterless wait also drains the redirected output, so the message holds the process's last words.
        process.WaitForExit();
        return new InvalidOperationException($"The {Name} exited with {process.ExitCode}:\n{Output}");
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
