namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>
/// The broker-outage drills run alone: they stop the broker itself (<see cref="RabbitMqFixture.StopBrokerAsync"/>),
/// which every other test on it would see, and their timing (publish failures, reconnects) must not depend on what
/// other drills make the two cores do meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerOutageCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "Drills: broker outage";
}
