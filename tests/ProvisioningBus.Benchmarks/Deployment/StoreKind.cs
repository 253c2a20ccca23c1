namespace ProvisioningBus.Benchmarks.Deployment;

/// <summary>Which engine holds the state of one benchmark deployment.</summary>
public enum StoreKind
{
    /// <summary>A SQLite file in the temp folder, deleted afterwards (the embedded default).</summary>
    Sqlite,

    /// <summary>
    /// A SQLite file on /dev/shm (tmpfs): same engine and statements, but a commit's fsync costs nothing. Only a
    /// diagnostic: comparing it with <see cref="Sqlite"/> shows how much of the time is spent making commits durable.
    /// </summary>
    SqliteOnTmpfs,

    /// <summary>A fresh database on the server named by <c>POSTGRES_CONNECTION</c>, dropped afterwards.</summary>
    Postgres,
}
