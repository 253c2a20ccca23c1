namespace ProvisioningBus.Inbound.Tests.Infrastructure;

/// <summary>
/// Our meter is process-wide and the snapshot instruments carry no rule: a test that counts exactly runs alone, after
/// the parallel classes have finished, so every measurement its providers see is its own scenario's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "Inbound telemetry, alone";
}
