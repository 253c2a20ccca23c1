namespace ProvisioningBus.Deployment.Tests;

/// <summary>Tests that run services as processes: one broker for all, each test in its own virtual host and database.</summary>
[CollectionDefinition(Name)]
public sealed class DeploymentCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "Deployment";
}
