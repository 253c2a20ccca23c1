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
