using ProvisioningBus.State.Hosting;

namespace ProvisioningBus.State.Database;

/// <summary>
/// The only place where SQLite and PostgreSQL differ. Every other statement is shared text: both engines speak
/// <c>@name</c> parameters, <c>INSERT … ON CONFLICT … DO UPDATE … WHERE</c>, multi-row <c>VALUES</c> and <c>LIMIT</c>,
/// and instants are stored as BIGINT microseconds so that no date/time type or <c>now()</c> has to be translated.
/// </summary>
internal sealed record SqlDialect
{
    public static SqlDialect Sqlite { get; } = new()
    {
        Provider = StoreProvider.Sqlite,
        OrdinalText = "TEXT COLLATE BINARY",
        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default transaction) already serialises writers on the file.
        SchemaLockStatement = null,
        // WAL lets readers (status page, snapshot streaming) run while a writer holds the lock; it persists in the file.
        PrepareDatabaseStatement = "PRAGMA journal_mode=WAL",
        // In WAL mode NORMAL syncs at checkpoints, not at every commit: a crashed process loses nothing, a power cut may
        // lose the last commits, which the next event or resync re-derives (links are re-found by email, never doubled).
        ConnectionStatement = "PRAGMA synchronous=NORMAL",
    };

    public static SqlDialect Postgres { get; } = new()
    {
        Provider = StoreProvider.Postgres,
        // Snapshot keys are merge-diffed against a list sorted with StringComparer.Ordinal; a linguistic default
        // collation (en_US, ICU) would order 'B' after 'a' and break the merge, so such columns are byte-ordered.
        OrdinalText = "TEXT COLLATE \"C\"",
        // Concurrent CREATE TABLE IF NOT EXISTS can still fail on pg_type's unique index; one migrator at a time.
        SchemaLockStatement = "SELECT pg_advisory_xact_lock(7318201001)",
        PrepareDatabaseStatement = null,
        ConnectionStatement = null,
    };

    public required StoreProvider Provider { get; init; }

    /// <summary>Column type for text keys that are streamed in order and must sort like <see cref="StringComparer.Ordinal"/>.</summary>
    public required string OrdinalText { get; init; }

    /// <summary>Run first inside the migration transaction so that instances starting together migrate one after the other.</summary>
    public required string? SchemaLockStatement { get; init; }

    /// <summary>Run once, outside any transaction, before migrating.</summary>
    public required string? PrepareDatabaseStatement { get; init; }

    /// <summary>Run on every opened connection (per-connection settings that the connection string cannot carry).</summary>
    public required string? ConnectionStatement { get; init; }
}
