namespace ProvisioningBus.State.Schema;

/// <summary>
/// Migration 7 (issue 14, honest run counts): a run tells adopted and unchanged users apart from created and skipped
/// ones, and <c>deleted</c> becomes <c>closed</c>, the one name for a user a run closed (or deleted) in the target.
/// In a file of its own so a migration another branch adds does not collide with it textually.
/// </summary>
internal static class RunCountsMigration
{
    // One column per ALTER: SQLite cannot add several in one statement. RENAME COLUMN keeps the counts of past runs
    // (SQLite 3.25+ and PostgreSQL both have it).
    public static SchemaMigration Migration { get; } = new(7, "sync run counts: adopted, unchanged, closed (was deleted)",
    [
        "ALTER TABLE sync_runs ADD COLUMN adopted BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE sync_runs ADD COLUMN unchanged BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE sync_runs RENAME COLUMN deleted TO closed",
    ]);
}
