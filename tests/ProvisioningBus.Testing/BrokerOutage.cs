using System.Diagnostics;

namespace ProvisioningBus.Testing;

/// <summary>
/// A real broker outage for drills: the broker's own application stops (every connection drops, new ones are refused)
/// and starts again with its durable queues. A broker installed on this machine is stopped with
/// <c>rabbitmqctl stop_app</c>; a Testcontainers broker is paused. Tests that use it must run alone (a collection with
/// parallelisation disabled), since every test on the broker sees the outage.
/// </summary>
public sealed class BrokerOutage : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly Func<Task> resume;
    private bool resumed;

    private BrokerOutage(Func<Task> resume) => this.resume = resume;

    internal static async Task<BrokerOutage> BeginLocalAsync()
    {
        await RabbitMqCtlAsync("stop_app");
        return new BrokerOutage(async () =>
        {
            await RabbitMqCtlAsync("start_app");
            await RabbitMqCtlAsync("await_startup");
        });
    }

    internal static BrokerOutage Paused(Func<Task> unpause) => new(unpause);

    /// <summary>Whether this machine can stop the broker at <paramref name="amqp"/> itself.</summary>
    internal static bool CanStopLocally(Uri amqp) =>
        amqp.IsLoopback && Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(Path.Combine(dir, "rabbitmqctl"))) == true;

    /// <summary>Starts the broker again and waits until it accepts connections.</summary>
    public async Task EndAsync()
    {
        if (!resumed)
        {
            resumed = true;
            await resume();
        }
    }

    public async ValueTask DisposeAsync() => await EndAsync();

    private static async Task RabbitMqCtlAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", command)
        {
            // Erlang's shell reads stdin: inherited, it would swallow the input of whatever runs the tests.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"rabbitmqctl {command} could not be started.");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }
}
