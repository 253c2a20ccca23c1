namespace ProvisioningBus.State.Hosting;

/// <summary>Which database holds the provisioning state.</summary>
public enum StoreProvider
{
    /// <summary>A local SQLite file: the embedded default for a single all-in-one process.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production, shared by every worker instance.</summary>
    Postgres,
}
