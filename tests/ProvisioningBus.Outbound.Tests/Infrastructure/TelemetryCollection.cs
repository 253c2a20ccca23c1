namespace ProvisioningBus.Outbound.Tests.Infrastructure;

/// <summary>
/// Our meter is process-wide and its counters carry no rule or host: a test that counts exactly runs alone, after the
/// parallel classes (GroupScenario's) have finished, so every measurement its providers see is its own scenario's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "Outbound telemetry, alone";
}
