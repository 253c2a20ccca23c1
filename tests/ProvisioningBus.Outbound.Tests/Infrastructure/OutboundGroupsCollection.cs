namespace ProvisioningBus.Outbound.Tests.Infrastructure;

/// <summary>
/// The broker fixture of this project's tests (one per run). xunit runs the classes of a collection one after the
/// other; every test still gets its own virtual host, emulators and database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OutboundGroupsCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "Outbound groups and memberships over RabbitMQ";
}
