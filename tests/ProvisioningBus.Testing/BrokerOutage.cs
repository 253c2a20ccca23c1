namespace ProvisioningBus.Testing;

/// <summary>
/// A real broker outage for drills: the broker's own application stops (every connection drops, new ones are refused)
/// and starts again with its durable queues. A broker installed on this machine is stopped with
/// <c>rabbitmqctl stop_app</c>; a Testcontainers broker is paused. Tests that use it must run alone (a collection with
/// parallelisation disabled), since every test on the broker sees the outage.
/// </summary>
public sealed class BrokerOutage : IAsyncDisposable
{
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

    private static Task<string> RabbitMqCtlAsync(string command) => ExternalCommand.RunAsync("rabbitmqctl", [command]);
}
