namespace ProvisioningBus.Testing;

/// <summary>A RabbitMQ broker the tests can use: its AMQP URI and its management API (for virtual hosts).</summary>
public sealed record BrokerEndpoint(Uri AmqpUri, Uri ManagementUri, string Source);
