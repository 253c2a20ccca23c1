using ProvisioningBus.State.Database;

namespace ProvisioningBus.State.Schema;

/// <summary>
/// The schema, as an append-only list of migrations. Never edit a released migration: add the next version.
/// Types are the portable subset: TEXT, BIGINT (instants in microseconds since the Unix epoch, UTC; see <see cref="DbValues"/>).
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> For(SqlDialect dialect) =>
    [
        new SchemaMigration(1, "initial state store",
        [
            """
            CREATE TABLE IF NOT EXISTS user_links (
                rule TEXT NOT NULL,
                pingone_user_id TEXT NOT NULL,
                docusign_user_id TEXT NOT NULL,
                email TEXT NOT NULL,
                applied_hash TEXT NOT NULL,
                source_version BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (rule, pingone_user_id))
            """,
            """
            CREATE TABLE IF NOT EXISTS group_links (
                rule TEXT NOT NULL,
                pingone_group_id TEXT NOT NULL,
                docusign_group_id TEXT NOT NULL,
                name TEXT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (rule, pingone_group_id))
            """,
            """
            CREATE TABLE IF NOT EXISTS applied_memberships (
                rule TEXT NOT NULL,
                pingone_group_id TEXT NOT NULL,
                pingone_user_id TEXT NOT NULL,
                PRIMARY KEY (rule, pingone_group_id, pingone_user_id))
            """,
            "CREATE INDEX IF NOT EXISTS ix_applied_memberships_user ON applied_memberships (rule, pingone_user_id)",
            """
            CREATE TABLE IF NOT EXISTS refresh_tokens (
                connection_name TEXT NOT NULL PRIMARY KEY,
                token TEXT NOT NULL,
                rotated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS entity_outcomes (
                rule TEXT NOT NULL,
                entity_kind TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                display_name TEXT NOT NULL,
                outcome TEXT NOT NULL,
                error_code TEXT NULL,
                error_message TEXT NULL,
                at BIGINT NOT NULL,
                PRIMARY KEY (rule, entity_kind, entity_id))
            """,
            "CREATE INDEX IF NOT EXISTS ix_entity_outcomes_rule_outcome ON entity_outcomes (rule, outcome, at)",
            """
            CREATE TABLE IF NOT EXISTS sync_runs (
                run_id TEXT NOT NULL PRIMARY KEY,
                rule TEXT NOT NULL,
                kind TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                completed_at BIGINT NULL,
                status TEXT NOT NULL,
                appeared BIGINT NOT NULL DEFAULT 0,
                changed BIGINT NOT NULL DEFAULT 0,
                disappeared BIGINT NOT NULL DEFAULT 0,
                created BIGINT NOT NULL DEFAULT 0,
                updated BIGINT NOT NULL DEFAULT 0,
                deleted BIGINT NOT NULL DEFAULT 0,
                skipped BIGINT NOT NULL DEFAULT 0,
                failed BIGINT NOT NULL DEFAULT 0,
                error TEXT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS ix_sync_runs_rule_started ON sync_runs (rule, started_at)",
            """
            CREATE TABLE IF NOT EXISTS rule_states (
                rule TEXT NOT NULL PRIMARY KEY,
                direction TEXT NOT NULL,
                config_hash TEXT NOT NULL,
                known_since BIGINT NOT NULL,
                daily_sync_time_of_day BIGINT NULL,
                last_sync_at BIGINT NULL,
                pending_approval_snapshot_id TEXT NULL,
                pending_approval_reason TEXT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS leases (
                name TEXT NOT NULL PRIMARY KEY,
                holder_id TEXT NOT NULL,
                expires_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS processed_events (
                consumer TEXT NOT NULL,
                event_id TEXT NOT NULL,
                processed_at BIGINT NOT NULL,
                PRIMARY KEY (consumer, event_id))
            """,
            "CREATE INDEX IF NOT EXISTS ix_processed_events_processed_at ON processed_events (processed_at)",
            $"""
            CREATE TABLE IF NOT EXISTS inbound_snapshot_rows (
                rule TEXT NOT NULL,
                docusign_user_id {dialect.OrdinalText} NOT NULL,
                attributes_hash TEXT NOT NULL,
                attributes_json TEXT NOT NULL,
                PRIMARY KEY (rule, docusign_user_id))
            """,
            """
            CREATE TABLE IF NOT EXISTS inbound_links (
                rule TEXT NOT NULL,
                docusign_user_id TEXT NOT NULL,
                pingone_user_id TEXT NOT NULL,
                provisioned_at BIGINT NOT NULL,
                PRIMARY KEY (rule, docusign_user_id))
            """,
        ]),
        new SchemaMigration(2, "shared counters (the Docusign account budget of every worker)",
        [
            """
            CREATE TABLE IF NOT EXISTS shared_counters (
                name TEXT NOT NULL PRIMARY KEY,
                state TEXT NOT NULL,
                version BIGINT NOT NULL)
            """,
        ]),
        new SchemaMigration(3, "parked webhook events",
        [
            """
            CREATE TABLE IF NOT EXISTS parked_events (
                id TEXT NOT NULL PRIMARY KEY,
                delivery_id TEXT NOT NULL,
                event_index BIGINT NOT NULL,
                event_id TEXT NULL,
                action_type TEXT NULL,
                reason TEXT NOT NULL,
                raw_event TEXT NOT NULL,
                parked_at BIGINT NOT NULL,
                replayed_at BIGINT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS ix_parked_events_waiting ON parked_events (replayed_at, parked_at)",
        ]),
        RuleEndpointsMigration.Migration,
        IncrementalPollMigration.Migration,
        ProvisioningLogMigration.Migration,
        RunCountsMigration.Migration,
    ];
}
