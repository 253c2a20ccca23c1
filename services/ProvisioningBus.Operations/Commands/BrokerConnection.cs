using ProvisioningBus.Core.Messaging;
using RabbitMQ.Client;

namespace ProvisioningBus.Operations.Commands;

/// <summary>A plain AMQP connection to the configured broker (RabbitMq:Uri), for the commands that inspect queues.</summary>
public static class BrokerConnection
{
    public static Task<IConnection> OpenAsync(string uri, CancellationToken cancellationToken)
    {
        var address = RabbitMqAddress.Parse(uri);
        var factory = new ConnectionFactory
        {
            HostName = address.Host,
            Port = address.Port,
            VirtualHost = address.VirtualHost,
            UserName = address.UserName,
            Password = address.Password,
        };
        if (address.UseTls)
        {
            factory.Ssl = new SslOption { Enabled = true, ServerName = address.Host };
        }

        return factory.CreateConnectionAsync(cancellationToken);
    }
}
