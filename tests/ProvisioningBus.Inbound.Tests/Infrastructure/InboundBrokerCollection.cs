namespace ProvisioningBus.Inbound.Tests.Infrastructure;

/// <summary>One broker fixture for the inbound tests; each test takes its own virtual host from it.</summary>
[CollectionDefinition(Name)]
public sealed class InboundBrokerCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "Inbound RabbitMQ";
}
