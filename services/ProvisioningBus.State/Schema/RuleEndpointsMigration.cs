namespace ProvisioningBus.State.Schema;

/// <summary>Version 4: the connection each rule is bound to (source and target are fixed once a rule exists).</summary>
internal static class RuleEndpointsMigration
{
    public static SchemaMigration Migration { get; } = new(4, "rule endpoints (the connection a rule was created against)",
    [
        """
        CREATE TABLE IF NOT EXISTS rule_endpoints (
            rule TEXT NOT NULL PRIMARY KEY,
            direction TEXT NOT NULL,
            connection_name TEXT NOT NULL,
            recorded_at BIGINT NOT NULL)
        """,
    ]);
}
