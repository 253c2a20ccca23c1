namespace ProvisioningBus.Testing;

/// <summary>
/// Decides which broker the tests use: the one named by <c>RABBITMQ_URI</c> (and <c>RABBITMQ_MANAGEMENT_URI</c>),
/// else a Testcontainers broker when a Docker engine answers, else a clear failure.
/// </summary>
public sealed class BrokerLocator(Func<string, string?> environment, Func<CancellationToken, Task<BrokerEndpoint?>> startContainer)
{
    public const string HowToGetABroker =
        "Integration tests need a real RabbitMQ with its management plugin. Either run `bash infra/scripts/start-services.sh` " +
        "and export the RABBITMQ_URI / RABBITMQ_MANAGEMENT_URI it prints, or run the tests where a Docker engine answers " +
        "(Testcontainers starts rabbitmq:3.13-management).";

    public async Task<BrokerEndpoint> LocateAsync(CancellationToken cancellationToken)
    {
        var amqp = environment("RABBITMQ_URI");
        if (!string.IsNullOrWhiteSpace(amqp))
        {
            if (!Uri.TryCreate(amqp, UriKind.Absolute, out var amqpUri))
            {
                throw new BrokerUnavailableException($"RABBITMQ_URI is not an absolute URI. {HowToGetABroker}");
            }

            var management = environment("RABBITMQ_MANAGEMENT_URI");
            var managementUri = string.IsNullOrWhiteSpace(management)
                ? new UriBuilder("http", amqpUri.Host, 15672) { UserName = "guest", Password = "guest" }.Uri
                : new Uri(management);
            return new BrokerEndpoint(amqpUri, managementUri, "RABBITMQ_URI");
        }

        BrokerEndpoint? container;
        try
        {
            container = await startContainer(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new BrokerUnavailableException($"RABBITMQ_URI is not set and no Docker engine answered ({exception.GetType().Name}). {HowToGetABroker}", exception);
        }

        return container ?? throw new BrokerUnavailableException($"RABBITMQ_URI is not set and no Docker engine answered. {HowToGetABroker}");
    }
}
