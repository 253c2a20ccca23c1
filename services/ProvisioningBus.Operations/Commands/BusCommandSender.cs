using MassTransit;
using ProvisioningBus.Core.Messaging;

namespace ProvisioningBus.Operations.Commands;

/// <summary>Publishes one command on the workers' RabbitMQ and returns once the broker confirmed it.</summary>
public static class BusCommandSender
{
    public static Task<int> PublishAsync<T>(CliContext cli, T message, CancellationToken cancellationToken)
        where T : class =>
        PublishAsync(cli, (bus, ct) => bus.Publish(message, ct), cancellationToken);

    /// <summary>The same for a caller that picks the message: <paramref name="publish"/> publishes on the bus it is given.</summary>
    public static async Task<int> PublishAsync(CliContext cli, Func<IBus, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        var bus = cli.Configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();
        if (!bus.UsesRabbitMq)
        {
            cli.Error.WriteLine($"{BusOptions.SectionName}:Uri is not set: the CLI reaches the workers through RabbitMQ. An all-in-one host on the in-memory bus has no broker to reach.");
            return ExitCodes.InvalidConfiguration;
        }

        using var host = cli.BuildHost(builder => builder.Services.AddProvisioningBus(builder.Configuration));
        try
        {
            await host.StartAsync(cancellationToken);
            await publish(host.Services.GetRequiredService<IBus>(), cancellationToken);
            await host.StopAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            cli.Error.WriteLine($"Could not publish to RabbitMQ: {exception.Message}");
            return ExitCodes.RemoteFailure;
        }
    }
}
