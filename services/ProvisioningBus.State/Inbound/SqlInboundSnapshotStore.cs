using System.Data.Common;
using System.Globalization;
using System.Text;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Inbound;

internal sealed class SqlInboundSnapshotStore(StoreDatabase database) : IInboundSnapshotStore
{
    // 500 rows × 3 parameters + the rule: far below SQLite's 32,766 and PostgreSQL's 65,535 parameter limits,
    // and big enough that 100k users take 200 round trips.
    internal const int BatchSize = 500;

    public IAsyncEnumerable<SnapshotRow> ReadOrderedAsync(string rule, CancellationToken ct) =>
        // The column is declared with a byte-order collation (see SqlDialect.OrdinalText), so this ORDER BY follows
        // the primary key index and matches StringComparer.Ordinal on both engines.
        database.QueryAsync(
            """
            SELECT docusign_user_id, attributes_hash, attributes_json FROM inbound_snapshot_rows
            WHERE rule = @rule ORDER BY docusign_user_id
            """,
            r => new SnapshotRow(r.GetString(0), r.GetString(1), r.GetString(2)),
            ct, P("rule", rule));

    public async Task<int> ReplaceAsync(string rule, IAsyncEnumerable<SnapshotRow> rows, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var delete = StoreDatabase.CreateCommand(
            connection, transaction, "DELETE FROM inbound_snapshot_rows WHERE rule = @rule", P("rule", rule)))
        {
            await delete.ExecuteNonQueryAsync(ct);
        }

        // One prepared command for every full batch, re-bound each time; only a final partial batch needs its own.
        await using var fullBatch = CreateInsert(connection, transaction, rule, BatchSize);
        await fullBatch.PrepareAsync(ct);
        var pending = new List<SnapshotRow>(BatchSize);
        var total = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            pending.Add(row);
            if (pending.Count == BatchSize)
            {
                total += await InsertAsync(fullBatch, pending, ct);
                pending.Clear();
            }
        }

        if (pending.Count > 0)
        {
            await using var lastBatch = CreateInsert(connection, transaction, rule, pending.Count);
            total += await InsertAsync(lastBatch, pending, ct);
        }

        await transaction.CommitAsync(ct);
        return total;
    }

    public async Task<int> ApplyAsync(string rule, IAsyncEnumerable<SnapshotWrite> writes, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        DbCommand? fullPuts = null;
        DbCommand? fullRemovals = null;
        try
        {
            var puts = new List<SnapshotRow>(BatchSize);
            var removals = new List<string>(BatchSize);
            var total = 0;
            await foreach (var write in writes.WithCancellation(ct))
            {
                if (write.Row is { } row)
                {
                    puts.Add(row);
                    if (puts.Count == BatchSize)
                    {
                        fullPuts ??= await PreparedAsync(CreateUpsert(connection, transaction, rule, BatchSize), ct);
                        total += await InsertAsync(fullPuts, puts, ct);
                        puts.Clear();
                    }
                }
                else
                {
                    removals.Add(write.DocusignUserId);
                    if (removals.Count == BatchSize)
                    {
                        fullRemovals ??= await PreparedAsync(CreateRemoval(connection, transaction, rule, BatchSize), ct);
                        total += await RemoveAsync(fullRemovals, removals, ct);
                        removals.Clear();
                    }
                }
            }

            if (puts.Count > 0)
            {
                await using var lastPuts = CreateUpsert(connection, transaction, rule, puts.Count);
                total += await InsertAsync(lastPuts, puts, ct);
            }

            if (removals.Count > 0)
            {
                await using var lastRemovals = CreateRemoval(connection, transaction, rule, removals.Count);
                total += await RemoveAsync(lastRemovals, removals, ct);
            }

            await transaction.CommitAsync(ct);
            return total;
        }
        finally
        {
            if (fullPuts is not null)
            {
                await fullPuts.DisposeAsync();
            }

            if (fullRemovals is not null)
            {
                await fullRemovals.DisposeAsync();
            }
        }
    }

    public async Task<int> CountAsync(string rule, CancellationToken ct)
    {
        var counts = await database.QueryListAsync(
            "SELECT COUNT(*) FROM inbound_snapshot_rows WHERE rule = @rule", r => r.GetCount(0), ct, P("rule", rule));
        return counts[0];
    }

    public Task<int> DeleteAsync(string rule, CancellationToken ct) =>
        database.ExecuteAsync("DELETE FROM inbound_snapshot_rows WHERE rule = @rule", ct, P("rule", rule));

    private static DbCommand CreateInsert(DbConnection connection, DbTransaction transaction, string rule, int rowCount)
    {
        var sql = new StringBuilder("INSERT INTO inbound_snapshot_rows (rule, docusign_user_id, attributes_hash, attributes_json) VALUES ");
        for (var i = 0; i < rowCount; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@rule, @i{i}, @h{i}, @j{i})");
        }

        var command = StoreDatabase.CreateCommand(connection, transaction, sql.ToString(), P("rule", rule));
        for (var i = 0; i < rowCount; i++)
        {
            StoreDatabase.AddParameter(command, $"i{i}", "");
            StoreDatabase.AddParameter(command, $"h{i}", "");
            StoreDatabase.AddParameter(command, $"j{i}", "");
        }

        return command;
    }

    private static async Task<DbCommand> PreparedAsync(DbCommand command, CancellationToken ct)
    {
        await command.PrepareAsync(ct);
        return command;
    }

    private static DbCommand CreateUpsert(DbConnection connection, DbTransaction transaction, string rule, int rowCount)
    {
        var command = CreateInsert(connection, transaction, rule, rowCount);
        command.CommandText += """

            ON CONFLICT (rule, docusign_user_id) DO UPDATE SET
                attributes_hash = excluded.attributes_hash,
                attributes_json = excluded.attributes_json
            """;
        return command;
    }

    private static DbCommand CreateRemoval(DbConnection connection, DbTransaction transaction, string rule, int idCount)
    {
        var sql = new StringBuilder("DELETE FROM inbound_snapshot_rows WHERE rule = @rule AND docusign_user_id IN (");
        for (var i = 0; i < idCount; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}@d{i}");
        }

        var command = StoreDatabase.CreateCommand(connection, transaction, sql.Append(')').ToString(), P("rule", rule));
        for (var i = 0; i < idCount; i++)
        {
            StoreDatabase.AddParameter(command, $"d{i}", "");
        }

        return command;
    }

    private static async Task<int> RemoveAsync(DbCommand command, List<string> ids, CancellationToken ct)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            command.Parameters[1 + i].Value = ids[i];
        }

        await command.ExecuteNonQueryAsync(ct);
        return ids.Count;
    }

    private static async Task<int> InsertAsync(DbCommand command, List<SnapshotRow> rows, CancellationToken ct)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            // Parameter 0 is the rule; each row then has id, hash, json.
            command.Parameters[1 + (3 * i)].Value = rows[i].DocusignUserId;
            command.Parameters[2 + (3 * i)].Value = rows[i].AttributesHash;
            command.Parameters[3 + (3 * i)].Value = rows[i].AttributesJson;
        }

        await command.ExecuteNonQueryAsync(ct);
        return rows.Count;
    }
}
