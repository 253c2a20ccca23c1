namespace ProvisioningBus.State.Schema;

/// <summary>
/// Migration 5 (issue 18, incremental inbound poll), in a file of its own so a migration another branch adds to
/// <see cref="SchemaMigrations"/> does not collide with it textually; versions are still one sequence.
/// </summary>
internal static class IncrementalPollMigration
{
    public static SchemaMigration Migration { get; } = new(5, "inbound incremental poll cursors",
    [
        """
        CREATE TABLE IF NOT EXISTS inbound_poll_cursors (
            rule TEXT NOT NULL PRIMARY KEY,
            config_hash TEXT NOT NULL,
            modified_since BIGINT NOT NULL,
            last_full_at BIGINT NOT NULL,
            last_run_id TEXT NOT NULL,
            updated_at BIGINT NOT NULL)
        """,
    ]);
}
