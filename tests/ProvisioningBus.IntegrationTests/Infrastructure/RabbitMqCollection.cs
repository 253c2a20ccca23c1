namespace ProvisioningBus.IntegrationTests.Infrastructure;

/// <summary>
/// Shares one broker fixture across test classes. xunit runs classes of one collection serially, so tests that
/// need parallelism create several virtual hosts inside one test instead.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "RabbitMQ";
}
