using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Operations;
using ProvisioningBus.Operations.Commands;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>The admin CLI over a drill's own configuration, as an operator runs it next to the workers.</summary>
public static class DrillCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(OutboundDrill drill, RabbitMqFixture broker, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error, Configuration(drill, broker));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>How many changes <c>{queue}_error</c> holds now (the broker's count, not the management API's sample); 0 while it does not exist.</summary>
    public static async Task<long> DeadLetteredAsync(OutboundDrill drill, string queue)
    {
        var errors = new ErrorQueues(new BusOptions { Uri = drill.VirtualHost.AmqpUri.ToString() }, new OutboundOptions());
        try
        {
            return (await errors.ReadAsync(queue, 1, DeadLetterSelection.All, CancellationToken.None)).Messages;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    private static IConfiguration Configuration(OutboundDrill drill, RabbitMqFixture broker) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(drill.Settings)
        {
            ["RabbitMq:ManagementUri"] = broker.Broker.ManagementUri.GetLeftPart(UriPartial.Authority),
        }).Build();
}
