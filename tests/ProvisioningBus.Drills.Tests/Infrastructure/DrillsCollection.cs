namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>The drills that may share the machine: each takes its own virtual host, emulators and store.</summary>
[CollectionDefinition(Name)]
public sealed class DrillsCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "Drills";
}
