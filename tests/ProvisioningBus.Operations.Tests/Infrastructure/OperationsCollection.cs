namespace ProvisioningBus.Operations.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class OperationsCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "Operations over RabbitMQ";
}
