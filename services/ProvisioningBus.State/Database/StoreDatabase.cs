using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;
using ProvisioningBus.State.Hosting;

namespace ProvisioningBus.State.Database;

/// <summary>Opens connections and runs the shared SQL for every feature store.</summary>
internal sealed class StoreDatabase : IAsyncDisposable
{
    private readonly DbDataSource dataSource;
    private readonly string connectionString;

    // SQLite has one writer per file, and Microsoft.Data.Sqlite answers a busy file by sleeping 150 ms before it tries
    // again; queueing this process's writes (and committing them in groups) keeps them from ever meeting that sleep.
    private readonly SqliteWriteQueue? sqliteWrites;

    private StoreDatabase(DbDataSource dataSource, SqlDialect dialect, string connectionString, TimeProvider time)
    {
        this.dataSource = dataSource;
        this.connectionString = connectionString;
        Dialect = dialect;
        Time = time;
        sqliteWrites = dialect.Provider == StoreProvider.Sqlite ? new SqliteWriteQueue(OpenAsync) : null;
    }

    public SqlDialect Dialect { get; }

    public TimeProvider Time { get; }

    public static StoreDatabase Create(StoreOptions options, TimeProvider time)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        return options.Provider switch
        {
            StoreProvider.Sqlite => new StoreDatabase(
                SqliteFactory.Instance.CreateDataSource(options.ConnectionString), SqlDialect.Sqlite, options.ConnectionString, time),
            StoreProvider.Postgres => new StoreDatabase(
                NpgsqlDataSource.Create(options.ConnectionString), SqlDialect.Postgres, options.ConnectionString, time),
            _ => throw new InvalidOperationException($"{StoreOptions.SectionName}:Provider '{options.Provider}' is not supported."),
        };
    }

    public async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        if (Dialect.ConnectionStatement is { } statement)
        {
            await using var command = CreateCommand(connection, null, statement);
            await command.ExecuteNonQueryAsync(ct);
        }

        return connection;
    }

    public static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql, params SqlParameterValue[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var parameter in parameters)
        {
            AddParameter(command, parameter.Name, parameter.Value);
        }

        return command;
    }

    public static DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params SqlParameterValue[] parameters)
    {
        if (sqliteWrites is not null)
        {
            return await sqliteWrites.ExecuteAsync(sql, parameters, ct);
        }

        await using var connection = await OpenAsync(ct);
        await using var command = CreateCommand(connection, null, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct, params SqlParameterValue[] parameters)
        where T : class
    {
        await using var connection = await OpenAsync(ct);
        await using var command = CreateCommand(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? map(reader) : null;
    }

    public async Task<List<T>> QueryListAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct, params SqlParameterValue[] parameters)
    {
        var results = new List<T>();
        await foreach (var item in QueryAsync(sql, map, ct, parameters))
        {
            results.Add(item);
        }

        return results;
    }

    /// <summary>Streams rows while the connection stays open, so large results are never held in memory whole.</summary>
    public async IAsyncEnumerable<T> QueryAsync<T>(
        string sql, Func<DbDataReader, T> map, [EnumeratorCancellation] CancellationToken ct, params SqlParameterValue[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = CreateCommand(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return map(reader);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteWrites is not null)
        {
            await sqliteWrites.DisposeAsync();
        }

        await dataSource.DisposeAsync();
        if (Dialect.Provider == StoreProvider.Sqlite)
        {
            // Microsoft.Data.Sqlite pools connections per connection string; without this the file stays open
            // (and locked on Windows) after the store is gone.
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
