namespace ProvisioningBus.State.Schema;

/// <summary>One step of the schema; applied once, in order, and recorded in <c>schema_version</c>.</summary>
internal sealed record SchemaMigration(int Version, string Description, IReadOnlyList<string> Statements);
