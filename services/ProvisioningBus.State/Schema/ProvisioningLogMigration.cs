namespace ProvisioningBus.State.Schema;

/// <summary>
/// Migration 6 (issue 14, the provisioning log), in a file of its own so a migration another branch adds to
/// <see cref="SchemaMigrations"/> does not collide with it textually; versions are still one sequence.
/// </summary>
internal static class ProvisioningLogMigration
{
    public static SchemaMigration Migration { get; } = new(6, "provisioning log (one row per change applied, skipped or failed, and per operator action)",
    [
        """
        CREATE TABLE IF NOT EXISTS provisioning_log (
            id TEXT NOT NULL PRIMARY KEY,
            at BIGINT NOT NULL,
            rule TEXT NOT NULL,
            direction TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            display_name TEXT NOT NULL,
            event_id TEXT NULL,
            trace_id TEXT NULL,
            action TEXT NOT NULL,
            changed_attributes TEXT NOT NULL,
            reason TEXT NULL,
            call_status BIGINT NULL,
            error_code TEXT NULL,
            message TEXT NULL,
            outcome TEXT NOT NULL,
            actor TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_provisioning_log_at ON provisioning_log (at)",
        "CREATE INDEX IF NOT EXISTS ix_provisioning_log_rule_at ON provisioning_log (rule, at)",
        "CREATE INDEX IF NOT EXISTS ix_provisioning_log_entity ON provisioning_log (entity_id, at)",
    ]);
}
