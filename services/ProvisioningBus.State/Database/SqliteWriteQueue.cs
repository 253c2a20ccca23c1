using System.Data.Common;
using System.Threading.Channels;

namespace ProvisioningBus.State.Database;

/// <summary>
/// Group commit for SQLite: the file has one writer, so this process's writes queue here and whatever queued while the
/// previous commit ran goes into the next transaction together. Each write keeps its own outcome (a savepoint around
/// it, so one failing statement does not undo the others) and its caller resumes only after the commit.
/// </summary>
/// <remarks>
/// A commit costs the same for one statement or a hundred; with dozens of consumers writing at once, one commit per
/// statement made the writer the bottleneck of the whole user pipeline.
/// </remarks>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private const int MaxWritesPerCommit = 256;

    private readonly Channel<PendingWrite> writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, ValueTask<DbConnection>> open;
    private readonly Task writer;

    public SqliteWriteQueue(Func<CancellationToken, ValueTask<DbConnection>> open)
    {
        this.open = open;
        writer = Task.Run(WriteAllAsync);
    }

    public async Task<int> ExecuteAsync(string sql, SqlParameterValue[] parameters, CancellationToken ct)
    {
        var write = new PendingWrite(sql, parameters, ct);
        ObjectDisposedException.ThrowIf(!writes.Writer.TryWrite(write), this);

        return await write.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        writes.Writer.TryComplete();
        await writer;
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<PendingWrite>(MaxWritesPerCommit);
        while (await writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxWritesPerCommit && writes.Reader.TryRead(out var write))
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Completion.TrySetCanceled(write.CancellationToken);
                    continue;
                }

                batch.Add(write);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var results = new (int Rows, Exception? Error)[batch.Count];
        try
        {
            await using var connection = await open(CancellationToken.None);
            if (batch.Count == 1)
            {
                results[0] = await TryExecuteAsync(connection, null, batch[0]);
            }
            else
            {
                await using var transaction = await connection.BeginTransactionAsync();
                for (var i = 0; i < batch.Count; i++)
                {
                    await transaction.SaveAsync("write");
                    results[i] = await TryExecuteAsync(connection, transaction, batch[i]);
                    if (results[i].Error is not null)
                    {
                        await transaction.RollbackAsync("write");
                    }

                    await transaction.ReleaseAsync("write");
                }

                await transaction.CommitAsync();
            }
        }
        catch (Exception ex)
        {
            // The commit itself failed (or the file could not be opened): nothing of the batch was written.
            foreach (var write in batch)
            {
                write.Completion.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                batch[i].Completion.TrySetResult(results[i].Rows);
            }
        }
    }

    private static async Task<(int Rows, Exception? Error)> TryExecuteAsync(DbConnection connection, DbTransaction? transaction, PendingWrite write)
    {
        try
        {
            await using var command = StoreDatabase.CreateCommand(connection, transaction, write.Sql, write.Parameters);
            return (await command.ExecuteNonQueryAsync(CancellationToken.None), null);
        }
        catch (DbException ex)
        {
            return (0, ex);
        }
    }

    private sealed record PendingWrite(string Sql, SqlParameterValue[] Parameters, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
