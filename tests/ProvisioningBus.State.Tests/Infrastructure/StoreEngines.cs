namespace ProvisioningBus.State.Tests.Infrastructure;

/// <summary>Every behavioural test runs once per engine: the same contract, the same SQL.</summary>
public static class StoreEngines
{
    public static TheoryData<StoreEngine> All => new() { StoreEngine.Sqlite, StoreEngine.Postgres };
}
