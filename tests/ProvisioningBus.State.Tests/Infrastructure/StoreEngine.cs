namespace ProvisioningBus.State.Tests.Infrastructure;

public enum StoreEngine
{
    Sqlite,
    Postgres,
}
