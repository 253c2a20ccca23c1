namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>
/// The broker-outage drill runs alone: it cuts its own virtual host off, and its timing (publish failures, reconnects)
/// must not depend on what other drills make the two cores do meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerOutageCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "Drills: broker outage";
}
