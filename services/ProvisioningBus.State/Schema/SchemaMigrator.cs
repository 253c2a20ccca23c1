using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Schema;

/// <summary>Creates and upgrades the schema; safe to run from several instances starting at once.</summary>
internal sealed class SchemaMigrator(StoreDatabase database)
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version BIGINT NOT NULL PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at BIGINT NOT NULL)
        """;

    public int LatestVersion => SchemaMigrations.For(database.Dialect).Max(m => m.Version);

    public async Task<int> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        if (database.Dialect.PrepareDatabaseStatement is { } prepare)
        {
            await using var command = StoreDatabase.CreateCommand(connection, null, prepare);
            await command.ExecuteNonQueryAsync(ct);
        }

        // Lock, check and apply in one transaction: a second instance waits for the first, then finds nothing to do.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (database.Dialect.SchemaLockStatement is { } lockStatement)
        {
            await using var command = StoreDatabase.CreateCommand(connection, transaction, lockStatement);
            await command.ExecuteNonQueryAsync(ct);
        }

        await using (var command = StoreDatabase.CreateCommand(connection, transaction, CreateVersionTable))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        var current = await ReadVersionAsync(connection, transaction, ct);
        foreach (var migration in SchemaMigrations.For(database.Dialect).Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            foreach (var statement in migration.Statements)
            {
                await using var command = StoreDatabase.CreateCommand(connection, transaction, statement);
                await command.ExecuteNonQueryAsync(ct);
            }

            await using var record = StoreDatabase.CreateCommand(connection, transaction,
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @applied_at)",
                P("version", (long)migration.Version),
                P("description", migration.Description),
                P("applied_at", DbValues.ToDb(database.Time.GetUtcNow())));
            await record.ExecuteNonQueryAsync(ct);
            current = migration.Version;
        }

        await transaction.CommitAsync(ct);
        return current;
    }

    /// <summary>The applied schema version, or 0 when the schema was never created.</summary>
    public async Task<int> GetVersionAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        try
        {
            return await ReadVersionAsync(connection, null, ct);
        }
        catch (System.Data.Common.DbException)
        {
            // No schema_version table yet. Both engines report that as a generic DbException subtype.
            return 0;
        }
    }

    private static async Task<int> ReadVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = StoreDatabase.CreateCommand(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        var value = await command.ExecuteScalarAsync(ct);
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
