using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Tokens;

internal sealed class SqlRefreshTokenStore(StoreDatabase database) : IRefreshTokenStore
{
    public Task<string?> GetAsync(string connectionName, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync(
            "SELECT token FROM refresh_tokens WHERE connection_name = @connection_name",
            r => r.GetString(0), ct, P("connection_name", connectionName));

    public async Task<bool> SaveAsync(string connectionName, string? expectedCurrent, string newToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(newToken);
        var now = DbValues.ToDb(database.Time.GetUtcNow());
        var written = expectedCurrent is null
            ? await database.ExecuteAsync(
                """
                INSERT INTO refresh_tokens (connection_name, token, rotated_at) VALUES (@connection_name, @token, @rotated_at)
                ON CONFLICT (connection_name) DO NOTHING
                """,
                ct, P("connection_name", connectionName), P("token", newToken), P("rotated_at", now))
            : await database.ExecuteAsync(
                """
                UPDATE refresh_tokens SET token = @token, rotated_at = @rotated_at
                WHERE connection_name = @connection_name AND token = @expected
                """,
                ct, P("connection_name", connectionName), P("token", newToken), P("rotated_at", now), P("expected", expectedCurrent));
        return written == 1;
    }

    public async Task<bool> DeleteAsync(string connectionName, CancellationToken ct) =>
        await database.ExecuteAsync(
            "DELETE FROM refresh_tokens WHERE connection_name = @connection_name", ct, P("connection_name", connectionName)) > 0;
}
